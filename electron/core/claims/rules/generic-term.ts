import { evidenceName, mismatchedEcolabel, qualifyingEcolabel } from '../evidence.ts';
import { defineRule, euFrom, quote } from '../rule.ts';
import { hasSpecification } from '../comparisons.ts';
import { genericTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const genericTerm = defineRule({
  id: 'GC-GENERIC-TERM',
  severity: 'error',
  citation: 'EU Annex I 4a, Art 2(p),(s); FTC §260.4(b); CMA P2',
  languages: LANGUAGES,
  title: 'Generic term with no specification and no relevant qualifying ecolabel',
  fix: 'State the specific, evidenced attribute instead of the generic term.',
  detect(claim, ctx) {
    const hits = genericTerms(claim.statement, claim.label, claim.language);
    if (hits.length === 0 || hasSpecification(claim.statement)) return null;
    const eco = qualifyingEcolabel(claim, ctx.asOf);
    const us = claim.markets.includes('US');
    // A relevant EU Ecolabel / type I ecolabel exempts the term in the EU and UK, never in the US.
    if (eco && !us) return null;
    const term = quote(hits[0]!.words);
    let message = `${term} is a generic environmental claim: nothing in the statement says what is better for the environment, or by how much.`;
    if (eco) message += ` The ${evidenceName(eco)} certificate does not make a generic term acceptable in the US.`;
    else {
      const other = mismatchedEcolabel(claim, ctx.asOf);
      if (other) message += ` The ecolabel on file (${evidenceName(other)}) covers ${other.covers.length ? other.covers.join(', ') : 'nothing recorded'}, not what this claim is about.`;
    }
    if (claim.markets.includes('EU')) message += euFrom(ctx);
    return { message, fix: `Replace ${term} with the specific, evidenced attribute (for example "made with 50% recycled plastic" or "uses 30% less water than our 2022 model").` };
  },
});
