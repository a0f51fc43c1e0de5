import { FILLER_I18N, WHOLE_I18N } from '../lexicon-figures.ts';
import { defineRule, euFrom } from '../rule.ts';
import { analyse, flatText, normalize, withoutElision } from '../text.ts';
import { matchIn } from '../wording.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const FILLER = new Set(['the', 'a', 'an', 'of', 'our', 'and', 'for', 'only', 'in', 'at', 'on', 'its', 'their', 'range', 'line', 'collection', ...FILLER_I18N]);
/** Wording that presents a claim as true of the whole company or product. */
const WHOLE = /\b(whole|entire|entirely|every product|all (of )?our (products|range|business|operations)|all products|company ?wide|across the (company|business|group)|throughout|(a|the|our|whole) ([\w']+ ){0,2}(company|business|brand|organisation|organization|group))\b/;

function singular(word: string): string {
  // "l'emballage" names "emballage".
  const w = withoutElision(word);
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * The statement names the part when it uses the detail's head noun ("warehouse" of "Lyon warehouse", "laundering" of
 * "towel laundering") or one of its proper names ("Lyon", "Conscious Collection"). A modifier alone ("towels" for
 * towel laundering) does not name the part.
 */
function namesPart(statement: string, detail: string): boolean {
  const said = new Set(analyse(statement).words.map((w) => singular(w.norm)));
  const words = normalize(detail).split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  const content = words.filter((w) => !FILLER.has(w.toLowerCase()));
  const head = content[content.length - 1] ?? words[words.length - 1];
  if (head && said.has(singular(head.toLowerCase()))) return true;
  return words.some((w) => /^\p{Lu}/u.test(w) && !FILLER.has(w.toLowerCase()) && said.has(singular(w.toLowerCase())));
}

export const wholeVsPart = defineRule({
  id: 'GC-WHOLE-VS-PART',
  severity: 'error',
  citation: 'EU Annex I 4b; FTC §260.3(b); CMA P2',
  languages: LANGUAGES,
  title: 'Claim about one part (scope = part) worded as if about the whole product or business',
  fix: 'Name the part in the statement ("bottle", "Lyon site").',
  detect(claim, ctx) {
    if (claim.scope !== 'part') return null;
    const eu = claim.markets.includes('EU') ? euFrom(ctx) : '';
    if (!claim.scope_detail) {
      return { message: `The claim is filed as being about one part, but which part is not recorded, so the statement cannot be checked against it.${eu}`, fix: 'Record the part in scope_detail and name it in the statement.' };
    }
    const named = namesPart(claim.statement, claim.scope_detail);
    const whole = matchIn(WHOLE, WHOLE_I18N, flatText(analyse(claim.statement)), claim.statement, claim.language);
    if (named && !whole) return null;
    const message = named
      ? `The claim is only about the ${claim.scope_detail}, but the statement presents it as true of the whole ("${whole![0]}").${eu}`
      : `The claim is only about the ${claim.scope_detail}, but the statement does not say so: readers will take it to be about the whole product or business.${eu}`;
    return { message, fix: `Name the part in the statement (for example "… at our ${claim.scope_detail}") and drop whole-business wording.` };
  },
});
