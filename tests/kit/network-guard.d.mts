/** Marker printed by guarded child processes on a violation. */
export declare const VIOLATION_MARKER: string;
/** True for loopback addresses and "localhost". */
export declare function isLoopback(address: string): boolean;
/** Returns and clears the recorded violations. */
export declare function takeViolations(): string[];
