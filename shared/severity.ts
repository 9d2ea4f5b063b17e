/** Finding severities, most severe first (PRODUCT.md §7). Kept free of zod so the renderer can rank without it. */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** A finding's severity. */
export type Severity = (typeof SEVERITIES)[number];

/** Ranks severities for sorting (critical first). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2 };
