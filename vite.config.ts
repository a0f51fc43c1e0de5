import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

// Three bundles, one per Vite mode (npm run build runs all three):
//   default  -> dist/renderer  the React app (index.html + assets), relative URLs so it loads from candor://app/
//   main     -> dist/main      the Electron main process with the core bundled in (ESM; node:sqlite stays external)
//   preload  -> dist/preload   one CommonJS file: a sandboxed preload cannot load modules of its own
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// Packages that ship native binaries or spawn them stay in node_modules.
const keepExternal = ['electron', 'pagefind', /^@pagefind\//,
  // piscina starts its workers from its own worker.js beside it (the render pool): it must stay a real package.
  'piscina', /^@napi-rs\/nice/,
  // ssh2 (SFTP publishing) tries its optional native speed-ups in try/catch and runs as plain JS without them.
  'cpu-features', /\.node$/];

/**
 * Worker threads the core starts from their own module file (`new Worker(new URL('./x.ts', import.meta.url))`):
 * found by reading the core, each becomes an entry of the main bundle, so a new worker needs no change here.
 */
function findWorkerEntries(dir = 'electron/core'): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(found, findWorkerEntries(path));
    else if (entry.name.endsWith('.ts')) {
      // `new Worker(new URL(...))`, or any module named *-worker.ts (started through worker-link.ts or the Piscina pool).
      for (const m of readFileSync(path, 'utf8').matchAll(/(?:new Worker\(\s*|)new URL\((['"])(\.{1,2}\/[^'"]+-worker\.ts|(?<=new Worker\(\s*new URL\(['"])\.{1,2}\/[^'"]+\.ts)\1,\s*import\.meta\.url\)/g)) {
        const file = join(dirname(path), m[2]!);
        found[basename(file, '.ts')] = file;
      }
    }
  }
  return found;
}
const workerEntries = findWorkerEntries();
const MAIN_OUT = 'dist/main';

/**
 * The core finds files next to its sources with `new URL('<relative>', import.meta.url)` (the themes, its worker).
 * Bundled, every module runs from dist/main/, so each such reference is re-pointed from there to the same target,
 * and a worker's .ts source becomes its bundled .js entry. The packaged app keeps the same layout (app/dist/main,
 * app/static-templates), so the same references work there.
 */
function relocateModuleUrls(): Plugin {
  let root = process.cwd();
  let outDir = resolve(root, MAIN_OUT);
  let workers = new Map<string, string>();
  return {
    name: 'candor:relocate-module-urls',
    configResolved(config) {
      root = config.root;
      outDir = resolve(root, config.build.outDir);
      workers = new Map(Object.entries(workerEntries).map(([name, file]) => [resolve(root, file), `./${name}.js`]));
    },
    transform(code, id) {
      if (!id.startsWith(resolve(root, 'electron')) || !code.includes('import.meta.url')) return null;
      const next = code.replace(/new URL\((['"])(\.{1,2}\/[^'"]*)\1,\s*import\.meta\.url\)/g, (_all, _q: string, rel: string) => {
        const target = resolve(dirname(id), rel);
        const worker = workers.get(target);
        if (worker) return `new URL(${JSON.stringify(worker)}, import.meta.url)`;
        let moved = relative(outDir, target).split('\\').join('/');
        if (!moved.startsWith('.')) moved = `./${moved}`;
        if (rel.endsWith('/') && !moved.endsWith('/')) moved += '/';
        return `new URL(${JSON.stringify(moved)}, import.meta.url)`;
      });
      return next === code ? null : { code: next, map: null };
    },
  };
}

/**
 * The site builder's code fingerprint, computed now from the sources and the lockfile and written beside the bundle
 * (dist/main/build-fingerprint.json): the packaged app has no sources to hash, and a rebuild trusts the previous
 * site only when the same code made it (electron/core/site/build/fingerprint.ts).
 */
function buildFingerprint(): Plugin {
  return {
    name: 'candor:build-fingerprint',
    async generateBundle() {
      const { FINGERPRINT_FILE, sourceFingerprint } = await import('./electron/core/site/build/fingerprint.ts');
      const fingerprint = sourceFingerprint(process.cwd());
      if (!fingerprint) this.error('The build fingerprint cannot be computed: electron/core or package-lock.json is missing.');
      this.emitFile({ type: 'asset', fileName: FINGERPRINT_FILE, source: `${JSON.stringify({ fingerprint })}\n` });
    },
  };
}

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
    plugins: [relocateModuleUrls(), buildFingerprint()],
    build: {
      ssr: true,
      outDir: MAIN_OUT,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rolldownOptions: {
        // host-process: the core's utility process (electron/main/core-host.ts starts it).
        input: { main: 'electron/main/main.ts', 'host-process': 'electron/main/host-process.ts', ...workerEntries },
        external: [...nodeBuiltins, ...keepExternal],
        // Every chunk sits in dist/main itself, so import.meta.url means the same folder in all of them.
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
    ssr: { noExternal: true, external: ['electron', 'pagefind', 'piscina'], target: 'node' },
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
