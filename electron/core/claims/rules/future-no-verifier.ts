import { isIndependent, isInForce } from '../evidence.ts';
import { isFutureClaim } from '../facts.ts';
import { defineRule, euFrom } from '../rule.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

export const futureNoVerifier = defineRule({
  id: 'GC-FUTURE-NO-VERIFIER',
  severity: 'error',
  citation: 'UCPD Art 6(2)(d)',
  languages: LANGUAGES,
  title: 'EU: future claim without regular verification by an independent expert',
  fix: 'Commission independent monitoring of progress and attach its report.',
  detect(claim, ctx) {
    if (!isFutureClaim(claim)) return null;
    if (claim.evidence.some((ev) => isIndependent(ev) && isInForce(ev, ctx.asOf))) return null;
    return `This is a claim about future performance, and no independent expert verifies progress (none of its evidence is independent and in force). EU law requires regular independent verification.${euFrom(ctx)}`;
  },
});
