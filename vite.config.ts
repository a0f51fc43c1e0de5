import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';

// Three bundles, one per Vite mode (npm run build runs all three):
//   default  -> dist/renderer  the React app (index.html + assets), relative URLs so it loads from candor://app/
//   main     -> dist/main      the Electron main process with the core bundled in (ESM; node:sqlite stays external)
//   preload  -> dist/preload   one CommonJS file: a sandboxed preload cannot load modules of its own
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// Packages that ship native binaries or spawn them stay in node_modules.
const keepExternal = ['electron', 'pagefind', /^@pagefind\//];

function renderer(): UserConfig {
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: '../dist/renderer',
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: false,
      chunkSizeWarningLimit: 900,
    },
  };
}

function main(): UserConfig {
  return {
    build: {
      ssr: 'electron/main/main.ts',
      outDir: 'dist/main',
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rolldownOptions: {
        external: [...nodeBuiltins, ...keepExternal],
        output: { format: 'es', entryFileNames: 'main.js', inlineDynamicImports: true },
      },
    },
    ssr: { noExternal: true, external: ['electron', 'pagefind'], target: 'node' },
  };
}

function preload(): UserConfig {
  return {
    build: {
      outDir: 'dist/preload',
      emptyOutDir: true,
      target: 'chrome130',
      minify: false,
      lib: { entry: 'electron/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
      rolldownOptions: { external: ['electron'] },
    },
  };
}

export default defineConfig(({ mode }) => (mode === 'main' ? main() : mode === 'preload' ? preload() : renderer()));
