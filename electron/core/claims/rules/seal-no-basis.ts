import { SEAL_ATTRIBUTE_I18N, SEAL_BASIS_I18N, SEAL_I18N } from '../lexicon-products.ts';
import { defineRule } from '../rule.ts';
import { ATTRIBUTE_LABELS } from '../vocabulary.ts';
import { analyse, flatText, normalize } from '../text.ts';
import { ownLanguage, readsIn, wordPattern } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const SEAL_WORDS = /\b(seal|badge|logo|ecolabel|eco label|trustmark|stamp|certified|certification mark)\b/;
const SAYS_BASIS = /\b(certified (for|as) \w+|certifies (that|its)?|certification (of|for) (its|the)? ?\w+)\b/;

export const sealNoBasis = defineRule({
  id: 'GC-SEAL-NO-BASIS',
  severity: 'warning',
  citation: 'FTC §260.6(d),(e)',
  languages: LANGUAGES,
  title: 'US: seal or certification whose name and text do not say what is certified',
  fix: 'Add what the seal certifies ("certified for 100% recycled content").',
  detect(claim) {
    const text = flatText(analyse(claim.statement));
    const label = claim.label ? normalize(claim.label).toLowerCase() : '';
    const reads = (en: RegExp, lex: typeof SEAL_I18N) => readsIn(en, lex, text, claim.statement, claim.language);
    if (!label && !reads(SEAL_WORDS, SEAL_I18N)) return null;
    // A seal's name in another language may name what it certifies ("Recyclingpapier-Siegel").
    const attribute = ownLanguage(claim.statement, claim.language) ? wordPattern(SEAL_ATTRIBUTE_I18N) : null;
    if (reads(SAYS_BASIS, SEAL_BASIS_I18N) || ATTRIBUTE_LABELS.test(text) || ATTRIBUTE_LABELS.test(label)) return null;
    if (attribute && (attribute.test(text) || attribute.test(label))) return null;
    const name = claim.label ? `"${claim.label}"` : 'The seal';
    return {
      message: `${name} does not say what was certified, so US consumers will read it as a general environmental benefit claim.`,
      fix: `Say what it certifies next to the seal (for example "${claim.label ?? 'Certified'} — certified for <attribute> by <body>").`,
    };
  },
});
