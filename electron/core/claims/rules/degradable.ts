import { ALL_MARKETS, defineRule, euFrom, quote } from '../rule.ts';
import { DEGRADABLE_I18N, lexiconFor } from '../lexicon.ts';
import { claimTerms } from '../readings.ts';
import { claimLanguages } from '../wording.ts';
import { analyse, sentenceText } from '../text.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const TERMS = ['break down', 'breaks down', 'biodegrade', 'biodegrades', 'biodegradable', 'bio degradable', 'degradable', 'oxo degradable', 'oxo biodegradable', 'photodegradable', 'photo degradable'] as const;
// Where it breaks down and how long it takes, in English and in the languages of lexicon.ts ("im Boden", "en compost
// domestique", "binnen 90 dagen", "en 6 meses", "entro 180 giorni").
const ENVIRONMENT = /\b(soil|marine|sea ?water|seawater|ocean|oceans|fresh ?water|freshwater|landfill|home compost\w*|industrial compost\w*|compost|composting|anaerobic|river|rivers|lake|wastewater|boden|meer ?wasser|im meer|\w*kompost\w*|süßwasser|sol|mer|eau de mer|\w*compost\w*|bodem|zee\w*|suelo|mar|agua de mar|suolo|mare|acqua di mare)\b/;
const UNITS = '(days?|weeks?|months?|years?|tagen?|wochen?|monat(e|en)?|jahr(e|en)?|jours?|semaines?|mois|ans?|dagen|weken|maanden|jaar|días|semanas|meses|años|giorni|settimane|mesi|anni)';
const TIMEFRAME = new RegExp(`\\b((within|in|after|under) (\\d+(\\.\\d+)?|one|two|three|six|twelve) ${UNITS}|\\d+(\\.\\d+)? ${UNITS})\\b`);

export const degradable = defineRule({
  id: 'GC-DEGRADABLE',
  severity: 'error',
  citation: 'EU recital 9 + Annex I 4a; FTC §260.8(c)-(d)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A claim type that must be qualified everywhere (CMA P1-P3 in the UK as well).',
  title: '(Bio/oxo/photo)degradable without the environment and the timeframe',
  fix: 'Give the test, the environment and the time ("breaks down in home compost within 180 days, EN 17427").',
  detect(claim, ctx) {
    const text = analyse(claim.statement);
    const terms = [...TERMS, ...lexiconFor(DEGRADABLE_I18N, claimLanguages(claim.statement, claim.language))];
    const hits = claimTerms(claim.statement, terms, { present: true, lang: claim.language }).filter((m) => {
      const s = sentenceText(text, text.words[m.start]!.sentence);
      return !(ENVIRONMENT.test(s) && TIMEFRAME.test(s));
    });
    if (hits.length === 0) return null;
    const s = sentenceText(text, text.words[hits[0]!.start]!.sentence);
    const missing = [ENVIRONMENT.test(s) ? null : 'where it breaks down', TIMEFRAME.test(s) ? null : 'how long it takes'].filter(Boolean).join(' or ');
    const oxo = /oxo/.test(hits[0]!.term) ? ' Oxo-degradable plastics are banned in the EU (Directive (EU) 2019/904 Art 5).' : '';
    return `${quote(hits[0]!.words)} does not say ${missing}: everything degrades eventually, so the term alone tells readers nothing.${oxo}${claim.markets.includes('EU') ? euFrom(ctx) : ''}`;
  },
});
