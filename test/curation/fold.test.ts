import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../electron/core/curation/pii/text.ts';
import { customerPseudonym } from '../../electron/core/curation/pseudonym.ts';

// fold() lower-cases plain ASCII text in one call (a site build folds every published customer's town and name);
// every other text goes character by character. Both must give what folding each character gives, on real text.

const ROOT = join(import.meta.dirname, '../..');

/** Every string value of the real exports' JSON files and of the personal data corpus. */
function realStrings(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const dir = join(ROOT, 'test/fixtures/real');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json'));
  for (const e of files) walk(JSON.parse(readFileSync(join(e.parentPath, e.name), 'utf8')));
  walk(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/pii/corpus.json'), 'utf8')));
  return [...out];
}

const blns = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/corpora/blns.json'), 'utf8')) as string[];
const texts = [...realStrings(), ...blns];

/** The rule as written down: per character, one apostrophe and one hyphen shape, else NFD without marks, lower case. */
function foldEachCharacter(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = /[\u2018\u2019\u02BC`\u00B4]/u.test(ch) ? "'" : /[\u2010\u2011\u2012\u2013]/u.test(ch) ? '-' : ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += f || ch;
  }
  return out;
}

describe('fold', () => {
  it('gives what folding each character gives, for every real and naughty string', () => {
    expect(texts.length).toBeGreaterThan(1000);
    const ascii = texts.filter((t) => /^[^\u0080-\uffff]*$/.test(t));
    // Both paths are taken: plain ASCII (names, towns, ids) and everything else.
    expect(ascii.length).toBeGreaterThan(100);
    expect(texts.length - ascii.length).toBeGreaterThan(100);
    for (const t of texts) expect(fold(t), JSON.stringify(t)).toBe(foldEachCharacter(t));
  });

  it('turns a backtick into an apostrophe in otherwise plain ASCII', () => {
    expect(fold("O`Brien RD")).toBe("o'brien rd");
    expect(fold("Dun Laoghaire, Co. DUBLIN")).toBe('dun laoghaire, co. dublin');
  });

  it('leaves out a town that holds the customer\'s name, whatever the case and accents', () => {
    const policy = { customerPseudonym: 'location', customerLabel: 'Customer', customerLocationFormat: 'Customer in {location}', staffNaming: 'name', staffLabel: 'Support', systemLabel: 'System' } as const;
    expect(customerPseudonym(policy, { name: 'Ann Leeds', location: '5 Park Road, LEEDS' })).toBe('Customer');
    expect(customerPseudonym(policy, { name: 'José Málaga', location: 'Calle Mayor 3, malaga' })).toBe('Customer');
    expect(customerPseudonym(policy, { name: 'Ann Smith', location: '5 Park Road, Leeds' })).toBe('Customer in Leeds');
  });
});
