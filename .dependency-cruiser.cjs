/**
 * Layering of the code base (docs/architecture.md "Layers"): each layer may import only itself and the
 * layers listed before it; nothing may form an import cycle, type-only imports included.
 * Run by `npm run lint` (`depcruise`).
 */
const LAYERS = [
  ['shared', '^shared/'],
  ['engine-core', '^electron/engine/core/'],
  ['engine-net', '^electron/engine/net/'],
  ['engine-runtime', '^electron/engine/runtime/'],
  ['engine-clients', '^electron/engine/clients/'],
  ['engine-checks', '^electron/engine/checks/'],
  ['engine-bundle', '^electron/engine/bundle/'],
  ['engine-session', '^electron/engine/session/'],
  ['hosts', '^electron/hosts/'],
  ['main', '^electron/main/'],
];

const upward = LAYERS.flatMap(([name, path], i) => {
  const higher = LAYERS.slice(i + 1).map(([, p]) => p);
  if (higher.length === 0) return [];
  return [
    {
      name: `no-upward-from-${name}`,
      comment: `${name} may import only the layers below it (docs/architecture.md "Layers").`,
      severity: 'error',
      from: { path: path },
      to: { path: higher },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles (type-only ones too) make the layering meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'clients-say-facts',
      comment:
        'A client returns facts (answers, classified transport outcomes); problem codes, outcomes and verdicts are decided in checks/ (docs/architecture.md "Layers").',
      severity: 'error',
      from: { path: '^electron/engine/clients/' },
      to: { path: ['^shared/problems\\.ts$', '^shared/report\\.ts$', '^electron/engine/runtime/check\\.ts$'] },
    },
    {
      name: 'engine-bundle-not-checks',
      comment: 'The bundle renders a report; it never reaches into checks or clients.',
      severity: 'error',
      from: { path: '^electron/engine/bundle/' },
      to: { path: ['^electron/engine/checks/', '^electron/engine/clients/'] },
    },
    {
      name: 'renderer-only-shared',
      comment: 'The renderer talks to the engine only through window.doctor (shared/ipc).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '^node_modules/electron/'], dependencyTypesNot: ['npm-dev'] },
    },
    {
      name: 'preload-only-shared',
      comment: 'The preload exposes the typed IPC contract and nothing else.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { path: ['^electron/(engine|hosts|main)/', '^renderer/'] },
    },
    {
      name: 'production-not-tests',
      comment: 'Shipped code never imports the test kit.',
      severity: 'error',
      from: { path: '^(electron|renderer|shared)/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|node_modules|release|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
