import { claimLanguage } from '../language.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';
import { ALL_MARKETS, defineRule, euFrom, quote } from '../rule.ts';
import { impliedClaim } from '../implied.ts';
import { isRangeClaim } from '../range.ts';

export const impliedClaimRule = defineRule({
  id: 'GC-IMPLIED-CLAIM',
  severity: 'error',
  citation: 'EU Annex I 4a, Art 2(o),(p); CMA P2; FTC §260.4(a)-(b)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'A slogan or name that implies a general environmental benefit is a generic claim in every market (ASA, FTC and EU decisions in the test corpus).',
  title: 'Slogan, product or range name that implies an environmental benefit without saying what it is',
  fix: 'Say what is actually better, with a figure or a named standard, or drop the implied claim.',
  detect(claim, ctx) {
    const words = impliedClaim(claim.statement, claimLanguage(claim), isRangeClaim(claim)) ?? (claim.label ? impliedClaim(claim.label, claimLanguage(claim), true) : null);
    if (!words) return null;
    return {
      message: `${quote(words)} implies an environmental benefit (to the planet, nature or the future) without saying what it is; regulators read such slogans and names as general environmental claims.${claim.markets.includes('EU') ? euFrom(ctx) : ''}`,
      fix: `Replace ${quote(words)} with what is actually better and by how much, or keep it away from environmental imagery and claims.`,
    };
  },
});
