// The window runs sandboxed: whatever the renderer bundle holds must work without Node. Lint and dependency-cruiser
// hold the source's imports (renderer -> electron/shared -> zod); this builds the real bundle, as `npm run build`
// does, and reads what an npm package or a re-export could still have pulled in.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const names = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/'));
// An import or require of a built-in, with or without the node: prefix, as a bundler leaves it.
const BUILTIN_USE = new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*)["'](?:node:)?(${names.join('|')})(?:\\/[^"']*)?["']`, 'g');

let out = '';
let js: { file: string; text: string }[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'candor-renderer-bundle-'));
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  const assets = join(out, 'assets');
  js = readdirSync(assets).filter((f) => f.endsWith('.js')).map((file) => ({ file, text: readFileSync(join(assets, file), 'utf8') }));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the built renderer bundle', () => {
  it('is built (the check below reads real files)', () => {
    expect(js.length).toBeGreaterThan(0);
    expect(js.some((f) => f.text.includes('createRoot'))).toBe(true);
  });

  it('imports no Node built-in and holds no stand-in for one', () => {
    const found = js.flatMap((f) => [...f.text.matchAll(BUILTIN_USE)].map((m) => `${f.file}: ${m[0]}`));
    // Vite replaces a built-in imported for the browser with an empty stand-in that fails at run time.
    const standIns = js.filter((f) => f.text.includes('__vite-browser-external')).map((f) => `${f.file}: __vite-browser-external`);
    expect([...found, ...standIns]).toEqual([]);
  });

  it('the check itself sees a built-in when one is there', () => {
    expect('import{readFileSync as a}from"node:fs";'.match(BUILTIN_USE)).not.toBeNull();
    expect('const p=require("path");'.match(BUILTIN_USE)).not.toBeNull();
    expect('import("node:worker_threads")'.match(BUILTIN_USE)).not.toBeNull();
    expect('from"./fs-helpers.js"'.match(BUILTIN_USE)).toBeNull();
  });
});
