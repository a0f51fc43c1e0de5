import { evidenceName } from '../evidence.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { environmentalComparisons } from '../comparisons.ts';
import { freeOfMentions } from '../free-of-mentions.ts';
import { DEGRADABLE_I18N } from '../lexicon.ts';
import { DEGRADE_VERBS_I18N, DEGRADE_WHERE_I18N, FILLER_I18N, WHOLE_COVER_I18N } from '../lexicon-figures.ts';
import { claimTerms } from '../readings.ts';
import { analyse, flatText } from '../text.ts';
import { readsIn, wordPattern, wordsIn } from '../wording.ts';
import type { Language } from '../../../shared/claims/language.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

/** What evidence may cover without narrowing anything: the whole claim. */
const WHOLE = /^(whole|entire|all|the)? ?(product|products|company|business|range|claim|group)$/;
const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'for', 'with', 'to', 'by', 'at', 'from', 'our', 'its', 'only', ...FILLER_I18N]);
/** Evidence that covers "das Produkt", "l'entreprise": the whole claim, in the other languages. */
const WHOLE_I18N = wordPattern(`^(\\p{L}+ )?(${WHOLE_COVER_I18N})$`);
const DEGRADE = ['biodegradable', 'degradable', 'break down', 'breaks down', 'biodegrade', 'biodegrades', 'decompose', 'decomposes'];
/** A degradation claim is checkable against evidence once it says where or how fast (a bare "biodegradable" is GC-DEGRADABLE's). */
const SPECIFIC = /\b(landfills?|soil|sea|marine|ocean|compost|days?|weeks?|months?|years?)\b/;

function stem(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * A comparison, a degradation or a free-of claim: the kinds whose evidence must match what is said (ASA Oatly, FTC
 * ECM BioFilms and Sherwin-Williams). A content level ("62% recycled polyester") is not one: evidence about the fabric
 * that holds the polyester is about the same thing.
 */
function makesCheckableClaim(statement: string, lang: Language | null): boolean {
  const text = analyse(statement);
  const degrade = wordsIn(wordsIn(DEGRADE, DEGRADABLE_I18N, statement, lang), DEGRADE_VERBS_I18N, statement, lang);
  return environmentalComparisons(statement, lang).length > 0
    || (claimTerms(statement, degrade).length > 0 && readsIn(SPECIFIC, DEGRADE_WHERE_I18N, flatText(text), statement, lang))
    || freeOfMentions(statement, lang).length > 0;
}

export const evidenceScope = defineRule({
  id: 'GC-EVIDENCE-SCOPE',
  severity: 'error',
  citation: 'CMA P1, P6; FTC §260.2; UCPD Art 6(1)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'Substantiation must match the claim as made in every market (ASA Oatly 2022, FTC ECM BioFilms 2015 and Sherwin-Williams 2012).',
  title: 'Evidence covers a different product, figure or conditions than the statement claims',
  fix: 'Claim only what the evidence covers (name the product, the comparison or the conditions), or get evidence for the claim as made.',
  detect(claim) {
    // A claim about one part is GC-WHOLE-VS-PART's concern.
    if (claim.scope === 'part' || claim.evidence.length === 0 || !makesCheckableClaim(claim.statement, claim.language)) return null;
    const scoped = claim.evidence.filter((ev) => ev.covers.length > 0);
    if (scoped.length === 0 || scoped.length < claim.evidence.length) return null;
    const said = new Set(analyse(claim.statement).words.map((w) => stem(w.norm)));
    const narrower = scoped.flatMap((ev) => ev.covers.map((c) => ({ ev, c })))
      .filter(({ c }) => !WHOLE.test(c.trim().toLowerCase()) && !WHOLE_I18N.test(c.trim().toLowerCase()))
      .filter(({ c }) => analyse(c).words.map((w) => stem(w.norm)).filter((w) => !STOP.has(w)).some((w) => !said.has(w)));
    const all = scoped.flatMap((ev) => ev.covers);
    if (narrower.length === 0 || narrower.length < all.length) return null;
    const first = narrower[0]!;
    return {
      message: `The evidence (${evidenceName(first.ev)}) covers ${quote(first.c)}, which the statement does not say: the claim as written is broader than what was measured.`,
      fix: `Say what the evidence covers (${narrower.map((n) => quote(n.c)).join(', ')}) in the statement, or get evidence for the claim as made.`,
    };
  },
});
