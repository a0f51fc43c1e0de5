import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Real text for tests of fast paths: every string in the real exports of test/fixtures/real (SOURCES.md) and the Big
// List of Naughty Strings. A fast path must give the slow path's bytes on all of them.

const ROOT = join(import.meta.dirname, '../..');

/** Every distinct string in the real exports' JSON files, in file order, then in `more` (repo-relative JSON files). */
export function realStrings(more: string[] = []): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const dir = join(ROOT, 'test/fixtures/real');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json'));
  for (const e of files.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    walk(JSON.parse(readFileSync(join(e.parentPath, e.name), 'utf8')));
  }
  for (const file of more) walk(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
  return [...out];
}

/** The Big List of Naughty Strings (test/fixtures/corpora). */
export function naughtyStrings(): string[] {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/corpora/blns.json'), 'utf8')) as string[];
}
