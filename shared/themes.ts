/** The window's colour theme: the OS's (`prefers-color-scheme`) unless the user chose one. Kept free of zod for the preload. */
export const THEMES = ['system', 'light', 'dark'] as const;
/** A theme choice. */
export type Theme = (typeof THEMES)[number];
