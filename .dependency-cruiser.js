/** Boundaries, checked on every `npm test`: apps compose libs; libs never import apps; libs meet only through index.ts. */
module.exports = {
  forbidden: [
    { name: 'lib-imports-app', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    { name: 'app-imports-app', severity: 'error', from: { path: '^apps/([^/]+)/' }, to: { path: '^apps/', pathNot: '^apps/$1/' } },
    {
      name: 'lib-internals',
      comment: 'Another lib is reached through its index.ts (@kalam/<lib>) only.',
      severity: 'error',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'no-circular',
      comment: 'TypeORM entities name each other in relations (lazily, through arrow functions); other cycles are refused.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { pathNot: '\\.entity\\.ts$' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.spec\\.ts$' },
  },
};
