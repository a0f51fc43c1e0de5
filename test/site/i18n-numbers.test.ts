import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';
import { intlLocale, SITE_LANGUAGES, SiteText, siteMessages } from '../../electron/core/site/i18n.ts';
import { escapeHtml } from '../../electron/core/site/trusted.ts';

// Texts made only of words, placeholders and plain numbers ("Showing {first, number}–{last, number} of
// {count, number}", on every list page) are worded without intl-messageformat's parts. They must read exactly as
// intl-messageformat words them, in every site language, for any number and with real texts in the placeholders.

// Dates are worded as dates by both paths before the message sees them; they are not what is compared here.
const words = [...realStrings(), ...naughtyStrings()]
  .filter((s) => !/^\d{4}-\d{2}-\d{2}/.test(s));
const numbers = [0, 1, 2, 7, 21, 999, 1000, 1001, 12_345, 100_000, 1_234_567, 2 ** 31, -1, -12_345, 0.5, 1.25, 3.14159, 1e21, Infinity, -0];

type Element = { type: number; value?: string; style?: unknown };

/** The keys of a language whose messages are words, placeholders and plain numbers, with at least one number. */
function numberKeys(lang: (typeof SITE_LANGUAGES)[number]): [string, string, Element[]][] {
  return Object.entries(siteMessages(lang)).flatMap(([key, message]): [string, string, Element[]][] => {
    const ast = new IntlMessageFormat(message, intlLocale(lang)).getAst() as Element[];
    const plain = ast.every((el) => el.type === 0 || el.type === 1 || (el.type === 2 && el.style === null));
    return plain && ast.some((el) => el.type === 2) ? [[key, message, ast]] : [];
  });
}

describe('texts with plain numbers', () => {
  it('read as intl-messageformat words them, in every site language', () => {
    let compared = 0;
    for (const lang of SITE_LANGUAGES) {
      const keys = numberKeys(lang);
      expect(keys.map(([key]) => key)).toContain('list.showing');
      for (const [i, [key, message, ast]] of [...keys.entries()]) {
        const slow = new IntlMessageFormat(message, intlLocale(lang), undefined, { ignoreTag: false });
        for (const [j, n] of numbers.entries()) {
          const tx = new SiteText(lang, siteMessages(lang));
          const params: Record<string, string | number> = {};
          ast.forEach((el, k) => {
            if (el.type === 2) params[el.value!] = numbers[(j + k) % numbers.length]!;
            else if (el.type === 1) params[el.value!] = words[(i * 31 + j * 7 + k) % words.length]!;
          });
          params[ast.find((el) => el.type === 2)!.value!] = n;
          const expected = String(slow.format(params));
          expect(tx.text(key, params), `${lang} ${key} ${JSON.stringify(params)}`).toBe(expected);
          expect(tx.html(key, params).html, `${lang} ${key}`).toBe(escapeHtml(expected));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(SITE_LANGUAGES.length * numbers.length);
  });

  it('words a number given as text as intl-messageformat does', () => {
    const tx = new SiteText('de', siteMessages('de'));
    const slow = new IntlMessageFormat(siteMessages('de')['list.showing']!, intlLocale('de'), undefined, { ignoreTag: false });
    const params = { first: '1000', last: 'zwanzig', count: 12_345 };
    expect(tx.text('list.showing', params)).toBe(String(slow.format(params)));
  });
});
