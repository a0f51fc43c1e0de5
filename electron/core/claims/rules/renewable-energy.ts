import { evidenceText, listNames } from '../evidence.ts';
import { isPercentUnit, statedPercentages } from '../facts.ts';
import { ALL_MARKETS, defineRule, quote } from '../rule.ts';
import { ENERGY_CERTIFICATES_I18N, ENERGY_SOURCE_I18N, RENEWABLE_ENERGY_I18N } from '../lexicon-products.ts';
import { claimTerms } from '../readings.ts';
import { analyse, flatText } from '../text.ts';
import { readsIn, wordPattern, wordsIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const TERMS = [
  'renewable energy', 'renewable electricity', 'renewable power', 'renewables', '100% renewable', 'green energy', 'green electricity', 'green power',
  'green gas', 'clean energy', 'clean electricity', 'clean power', 'wind power', 'wind energy', 'wind electricity', 'wind powered', 'solar power',
  'solar energy', 'solar electricity', 'solar powered', 'hydropower', 'hydro power', 'hydroelectric', 'hydroelectricity', 'geothermal energy',
] as const;
const SOURCE = /\b(wind|solar|hydro\w*|geothermal|biomass|tidal|wave|biogas|photovoltaic|pv)\b/;
/** Evidence in any of the languages: guarantees of origin are what EU evidence calls the certificates. */
const CERTIFICATES_I18N = wordPattern(ENERGY_CERTIFICATES_I18N);
const CERTIFICATES = /\b(recs?|renewable energy certificates?|renewable energy credits?|guarantees? of origin|goos?|regos?|i recs?|green e|energy attribute certificates?|eacs?|power purchase agreements?|ppas?)\b/;

export const renewableEnergy = defineRule({
  id: 'GC-RENEWABLE-ENERGY',
  severity: 'warning',
  citation: 'FTC §260.15(a)-(d)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (CMA P1-P3, UCPD Art 6-7); the reviewed examples apply it in the UK.',
  title: 'Renewable or green energy without the share (if under 100%), the source, or retained certificates (REC/GoO)',
  fix: 'State the share and the source, and keep (retire) the certificates for the energy claimed.',
  detect(claim) {
    const hits = claimTerms(claim.statement, wordsIn(TERMS, RENEWABLE_ENERGY_I18N, claim.statement, claim.language), { present: true, lang: claim.language });
    if (hits.length === 0) return null;
    const missing: string[] = [];
    const about = `${claim.metric ?? ''}`.toLowerCase();
    const share = isPercentUnit(claim.unit) && /renew|wind|solar|hydro|green|clean|electric|energy|power/.test(about) ? claim.current_value : null;
    const statesShare = statedPercentages(claim.statement, claim.language).some((f) => !f.relative);
    if (!statesShare && share !== 100) missing.push(share === null ? 'the share of energy that is renewable' : `the share (the fields record ${share}%)`);
    if (!readsIn(SOURCE, ENERGY_SOURCE_I18N, flatText(analyse(claim.statement)), claim.statement, claim.language) && !SOURCE.test(about)) missing.push('the source (wind, solar, hydro...)');
    if (!claim.evidence.some((ev) => CERTIFICATES.test(evidenceText(ev)) || CERTIFICATES_I18N.test(evidenceText(ev)))) missing.push('evidence that the renewable energy certificates (RECs, GoOs, REGOs) were kept and retired');
    if (missing.length === 0) return null;
    return {
      message: `${quote(hits[0]!.words)} is missing ${listNames(missing)}.`,
      fix: share !== null && share < 100 ? `Say "made with ${share}% wind/solar power" and keep the certificates.` : 'State the share and the source, and keep (retire) the certificates for the energy claimed.',
    };
  },
});
