import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** True when the source of a test file needs a fresh process (it mocks modules or runs in jsdom). */
export function needsOwnProcess(source: string): boolean;
/** True for the kinds of file that run longest (Chromium, the built CLI): they start first. */
export function startsFirst(file: string, source: string): boolean;
/** The test files under `dir` (relative to `root`, `/`-separated, sorted) whose source needs a fresh process. */
export function filesNeedingOwnProcess(root: string, dir?: string): string[];
/** Vitest's order (failed first, then longest last time, else largest), with the long kinds moved to the front. */
export class LongFilesFirst extends BaseSequencer {
  sort(files: TestSpecification[]): Promise<TestSpecification[]>;
}
