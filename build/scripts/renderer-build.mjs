// The window's Vite options (Vite + @vitejs/plugin-react, one target), shared by build.mjs and the renderer
// benchmark's minimal React page (tests/bench/renderer.bench.ts), so the yardstick is built exactly as the window.

/** Vite's options for a React single-page app in `root` built to `outDir` as the window's bundle is built. */
export async function rendererBuildOptions({ root, outDir }) {
  const { default: react } = await import('@vitejs/plugin-react');
  return {
    root,
    base: './',
    plugins: [react()],
    // The locale files as JSON.parse('…'): a string is far cheaper to parse than the same data as object literals.
    json: { stringify: true, namedExports: false },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: false,
      rolldownOptions: {
        output: {
          // React in a file of its own: the browser parses it on one background thread while it parses the app on
          // another, instead of one file on one thread (docs/testing.md "Benchmarks").
          codeSplitting: {
            groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
          },
        },
      },
    },
  };
}
