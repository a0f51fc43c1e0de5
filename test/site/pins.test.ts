import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// An upgrade of a package the site's bytes depend on must be a decision, not a side effect of `npm install`: each is
// pinned to one version in package.json, and the lock file and node_modules hold exactly that version.

const ROOT = join(import.meta.dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

/** What each one decides in the published site. */
const OUTPUT_PACKAGES: Record<string, string> = {
  liquidjs: 'every page (templates, escaping)',
  marked: 'staff replies in Markdown',
  pagefind: 'the search index',
  zod: 'data/*.schema.json',
  'csv-stringify': 'data/*.csv',
  'libphonenumber-js': 'which phone numbers are removed before publishing',
  'html-to-text': 'the text of HTML messages as imported',
  'postal-mime': 'the text of e-mails as imported',
  'csv-parse': 'the text of CSV imports',
  node: 'Unicode data (topic slugs, case folding) and JSON',
};

describe('packages the site\'s bytes depend on', () => {
  const pkg = json('package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const lock = json('package-lock.json') as { packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }> };

  it.each(Object.keys(OUTPUT_PACKAGES))('%s is pinned to one version, the one locked and installed', (name) => {
    const wanted = pkg.dependencies[name] ?? pkg.devDependencies[name];
    expect(wanted, `${name} (${OUTPUT_PACKAGES[name]}) must be in package.json`).toBeDefined();
    expect(wanted, `${name} must be an exact version, not a range`).toMatch(/^\d+\.\d+\.\d+$/);
    const root = lock.packages[''];
    expect(root?.dependencies?.[name] ?? root?.devDependencies?.[name]).toBe(wanted);
    expect(lock.packages[`node_modules/${name}`]?.version).toBe(wanted);
    expect((json(`node_modules/${name}/package.json`) as { version: string }).version).toBe(wanted);
  });
});
