// The window's Vite options (Vite + @vitejs/plugin-react, one target), shared by build.mjs and the renderer
// benchmark's minimal React page (tests/bench/renderer.bench.ts), so the yardstick is built exactly as the window.

/** Vite's options for a React single-page app in `root` built to `outDir` as the window's bundle is built. */
export async function rendererBuildOptions({ root, outDir }) {
  const { default: react } = await import('@vitejs/plugin-react');
  return {
    root,
    base: './',
    plugins: [react()],
    json: { stringify: true, namedExports: false },
    build: { outDir, emptyOutDir: true, target: 'chrome130', sourcemap: false },
  };
}
