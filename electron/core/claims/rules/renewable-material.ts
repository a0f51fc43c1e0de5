import { listNames } from '../evidence.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { claimTerms } from '../readings.ts';
import { analyse, flatText } from '../text.ts';

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
  languages: ['en'],
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (CMA P2, UCPD Art 6-7); the FTC section is the most detailed guidance.',
  title: '"Renewable materials" without naming the material and why it is renewable',
  fix: 'Name the material and why it is renewable ("100% bamboo, which regrows faster than it is harvested").',
  detect(claim) {
    const t = analyse(claim.statement);
    // The listed phrases, or "renewable" before a material ("renewable bamboo").
    const hits = [
      ...claimTerms(claim.statement, TERMS, { present: true }),
      ...claimTerms(claim.statement, ['renewable', 'renewably'], { present: true }).filter((m) => MATERIAL.test(t.words[m.end + 1]?.norm ?? '')),
    ];
    if (hits.length === 0) return null;
    const text = flatText(t);
    const missing = [MATERIAL.test(text) ? null : 'which material it is', WHY.test(text) ? null : 'why it counts as renewable'].filter((x): x is string => x !== null);
    if (missing.length === 0) return null;
    return `${quote(hits[0]!.words)} does not say ${listNames(missing).replace(' and ', ' or ')}.`;
  },
});
