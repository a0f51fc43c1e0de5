import { describe, expect, it } from 'vitest';
import { fold, foldWithMap } from '../../electron/core/curation/pii/text.ts';
import { customerPseudonym } from '../../electron/core/curation/pseudonym.ts';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';

// fold() lower-cases plain ASCII text in one call (a site build folds every published customer's town and name);
// every other text goes character by character. Both must give what folding each character gives, on real text.

// Every string of the real exports and of the personal data corpus, and the naughty strings.
const texts = [...realStrings(['test/fixtures/pii/corpus.json']), ...naughtyStrings()];

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

  it('folds text the way foldWithMap folds it, so a name is found in a message whatever apostrophe either uses', () => {
    for (const t of [...texts, 'Write to Siobhan O`Brien', "Siobhan O'Brien", 'Siobhan O’Brien']) {
      const { folded, map } = foldWithMap(t);
      expect(folded, JSON.stringify(t)).toBe(fold(t));
      expect(map).toHaveLength(folded.length + 1);
    }
    expect(foldWithMap('Write to Siobhan O`Brien').folded).toContain(fold("Siobhan O'Brien"));
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
