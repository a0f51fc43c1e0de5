import { formatCount } from './format.ts';

// Plurals in one place: the language's own rules (Intl.PluralRules), never "s" glued on. Themes reach this through
// the `plural` filter; a language with more than two forms passes them by category (one, two, few, many, other).

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(lang: string): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of a word or phrase for `n`: `pluralForm(1, {one: 'complaint', other: 'complaints'})` is "complaint". */
function pluralForm(n: number, forms: PluralForms, lang = 'en'): string {
  return forms[rulesFor(lang).select(n)] ?? forms.other;
}

/** "1 conversation", "12,345 conversations": the count written out, then its form. */
export function plural(n: number, forms: PluralForms, lang = 'en'): string {
  return `${formatCount(n)} ${pluralForm(n, forms, lang)}`;
}
