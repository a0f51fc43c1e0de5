/* global module */
// Room boundaries that hold transitively (issue 15 point 5), checked by `npm run boundaries` in `npm test`.
// By composition: the renderer reaches only itself and electron/shared; electron/shared reaches only itself and
// zod; so nothing the window loads can reach the core, the Electron shell or a Node built-in through any chain.
// The built bundle is checked too (test/renderer/bundle.test.ts), for what npm packages might pull in.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'electron/shared holds the wire schemas and pure rules both sides need: it never imports the core, the shell or the CLI.',
      severity: 'error',
      from: { path: '^electron/shared/' },
      to: { path: '^electron/(core|main|preload|cli)/' },
    },
    {
      name: 'shared-no-node',
      comment: 'electron/shared runs in the sandboxed window too: no Node built-ins.',
      severity: 'error',
      from: { path: '^electron/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-only-zod',
      comment: 'electron/shared depends on zod only among npm packages.',
      severity: 'error',
      from: { path: '^electron/shared/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '^node_modules/zod/' },
    },
    {
      name: 'renderer-through-contract',
      comment: 'The window reaches the app only through the typed contract in electron/shared.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/(core|main|preload|cli)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs sandboxed: no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-without-electron',
      comment: 'The core and the CLI run without Electron (the CLI, the web transport, the core host process).',
      severity: 'error',
      from: { path: '^electron/(core|cli|shared)/' },
      to: { path: '^(node_modules/electron/|electron/(main|preload)/)' },
    },
    {
      name: 'no-circular-rooms',
      comment: 'The core does not import the renderer.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
