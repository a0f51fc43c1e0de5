import { listNames } from '../evidence.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { MATERIAL_I18N, RENEWABLE_MATERIAL_I18N, RENEWABLE_WHY_I18N, RENEWABLE_WORD_I18N } from '../lexicon-products.ts';
import { claimTerms } from '../readings.ts';
import { analyse, flatText } from '../text.ts';
import { readsIn, wordsIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const TERMS = [
  'renewable material', 'renewable materials', 'renewable resource', 'renewable resources', 'renewable raw material', 'renewable raw materials',
  'renewable fibre', 'renewable fibres', 'renewable fiber', 'renewable fibers', 'renewable plastic', 'renewable plastics', 'renewable content',
  'rapidly renewable', 'renewably sourced', 'renewable sources', 'renewable wood', 'renewable timber',
] as const;
const MATERIAL = /\b(bamboo|cork|wood|wooden|timber|oak|pine|birch|cotton|hemp|linen|flax|jute|wool|sugarcane|sugar cane|corn|maize|castor|straw|rattan|seaweed|algae|paper|cardboard|cellulose|lyocell|tencel|viscose|rubber|bagasse|wheat|kenaf|sisal|coconut|coir)\b/;
const WHY = /\b(regrow\w*|grows? back|replenish\w*|replant\w*|faster than|sustainably managed|managed forests?|harvested|renews? (itself|naturally)|within (a|one|\d+) (year|season|years|seasons))\b/;

export const renewableMaterial = defineRule({
  id: 'GC-RENEWABLE-MATERIAL',
  severity: 'warning',
  citation: 'FTC §260.16(b),(c)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (CMA P2, UCPD Art 6-7); the FTC section is the most detailed guidance.',
  title: '"Renewable materials" without naming the material and why it is renewable',
  fix: 'Name the material and why it is renewable ("100% bamboo, which regrows faster than it is harvested").',
  detect(claim) {
    const t = analyse(claim.statement);
    const reads = (en: RegExp, lex: typeof MATERIAL_I18N, s: string) => readsIn(en, lex, s, claim.statement, claim.language);
    // The listed phrases, or "renewable" next to a material ("renewable bamboo", "bambou renouvelable").
    const hits = [
      ...claimTerms(claim.statement, wordsIn(TERMS, RENEWABLE_MATERIAL_I18N, claim.statement, claim.language), { present: true, lang: claim.language }),
      ...claimTerms(claim.statement, wordsIn(['renewable', 'renewably'], RENEWABLE_WORD_I18N, claim.statement, claim.language), { present: true, lang: claim.language })
        .filter((m) => reads(MATERIAL, MATERIAL_I18N, t.words[m.end + 1]?.norm ?? '') || (!m.term.startsWith('renewabl') && reads(MATERIAL, MATERIAL_I18N, t.words[m.start - 1]?.norm ?? ''))),
    ];
    if (hits.length === 0) return null;
    const text = flatText(t);
    const material = reads(MATERIAL, MATERIAL_I18N, text);
    const why = reads(WHY, RENEWABLE_WHY_I18N, text);
    const missing = [material ? null : 'which material it is', why ? null : 'why it counts as renewable'].filter((x): x is string => x !== null);
    if (missing.length === 0) return null;
    return `${quote(hits[0]!.words)} does not say ${listNames(missing).replace(' and ', ' or ')}.`;
  },
});
