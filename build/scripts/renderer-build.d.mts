import type { InlineConfig } from 'vite';

/** Vite's options for a React single-page app in `root` built to `outDir` as the window's bundle is built. */
export function rendererBuildOptions(options: { root: string; outDir: string }): Promise<InlineConfig>;
