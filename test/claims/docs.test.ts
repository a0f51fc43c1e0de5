// docs/formats/claims.md lists every rule the linter runs, with the markets, severities, languages, citation and
// grounding decisions the code and the corpus have (rules-table.ts renders them), and names no rule that does not exist.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../electron/core/claims/rules/index.ts';
import { RULES_TABLE_HEADING, rulesTable } from './rules-table.ts';

const doc = readFileSync(resolve('docs/formats/claims.md'), 'utf8');

/** The first Markdown table after a heading. */
function tableAfter(heading: string): string {
  const from = doc.indexOf(heading);
  expect(from, `${heading} is in the document`).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start, end).join('\n');
}

describe('docs/formats/claims.md', () => {
  it('has the rules table the code and the corpus give (print it with test/claims/print-rules-table.ts)', () => {
    expect(tableAfter(RULES_TABLE_HEADING)).toBe(rulesTable());
  });

  it('names every rule id in code, and no other', () => {
    const named = new Set(doc.match(/\bGC-[A-Z]+(?:-[A-Z]+)*\b/g));
    const ids = new Set(RULES.map((r) => r.id));
    for (const id of ids) expect(named.has(id), id).toBe(true);
    for (const id of named) expect(ids.has(id), `${id} is named in the document but is not a rule`).toBe(true);
  });

  it('says which language versions are verified against the official text: exactly those with an excerpt in the fixtures', () => {
    const official = new Set(readdirSync(resolve('test/fixtures/claims/official')).map((f) => f.replace(/\.txt$/, '')));
    const names = { de: 'German', fr: 'French', nl: 'Dutch', es: 'Spanish', it: 'Italian' } as const;
    for (const [code, name] of Object.entries(names)) {
      const row = doc.split('\n').find((l) => l.startsWith(`  | ${name} |`));
      expect(row, `${name} has a row in the table of verified language versions`).toBeDefined();
      expect(row!.includes('**the official text**'), `${name}: verified against the official text`).toBe(official.has(code));
    }
    expect(doc).toMatch(/could not be read with the team's tools/);
  });
});
