// Green ranges: a collection shown as better for the environment must say what a product needs to be in it (CMA
// undertakings from ASOS, Boohoo and George at Asda, 2024: criteria and minimum requirements, clearly set out).
import type { Claim } from '../../shared/claims/model.ts';
import { analyse, flatText, normalize } from './text.ts';

const RANGE_WORDS = /\b(range|ranges|collection|collections|edit|line|lines|assortment|sortiment|kollektion|gamme|collection|assortiment|lijn|colección|gama|collezione|linea)\b/;
/** Inclusion criteria said in words: a minimum share, "at least", "only products with". */
const CRITERIA = /\b(at least|minimum|min|only (products|items|styles|pieces) (with|that|made)|criteria|criterion|threshold|mindestens|au moins|minstens|al menos|almeno)\b/;

function words(s: string | null): string {
  return s ? flatText(analyse(normalize(s))) : '';
}

export function isRangeClaim(claim: Pick<Claim, 'statement' | 'scope_detail' | 'title'>): boolean {
  return RANGE_WORDS.test(`${words(claim.statement)} ${words(claim.scope_detail)}`);
}

/** The statement or the claim's fields state what qualifies a product for the range. */
export function statesRangeCriteria(claim: Claim): boolean {
  const text = `${words(claim.statement)} ${words(claim.scope_detail)} ${words(claim.metric)}`;
  return CRITERIA.test(text) || (claim.current_value !== null && claim.metric !== null);
}
