import { evidenceText, isIndependent, isInForce } from '../evidence.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';
import { mentionsOffsetting, neutralTerms, reducedClimateTerms } from '../terms.ts';
import { LANGUAGES } from '../../../shared/claims/language.ts';

const VERIFICATION = /\b(registry|registries|retire\w*|retirement|verra|vcs|gold standard|verif\w*|assur\w*|icvcm|corsia|puro|american carbon registry|climate action reserve|serial numbers?)\b/;

export const offsetVerify = defineRule({
  id: 'GC-OFFSET-VERIFY',
  severity: 'warning',
  citation: 'FTC §260.5(a)-(c)',
  languages: LANGUAGES,
  markets: ALL_MARKETS,
  marketsReason: 'Substantiation: every market requires offset claims to be backed by evidence (UCPD Art 6, CMA P6, FTC §260.5); the reviewed examples apply it in the EU.',
  title: 'Offsets used, with no independent registry or verification evidence',
  fix: 'Attach the registry retirement records or an independent verification of the credits.',
  detect(claim, ctx) {
    if (claim.uses_offsets !== true) return null;
    // Only a claim that speaks of neutrality or offsetting rests on the credits' quality.
    if (neutralTerms(claim.statement, claim.language).length === 0 && reducedClimateTerms(claim.statement, claim.language).length === 0 && !mentionsOffsetting(claim.statement)) return null;
    const verified = claim.evidence.some((ev) => isIndependent(ev) && isInForce(ev, ctx.asOf)
      && (ev.type === 'certificate' || ev.type === 'audit' || VERIFICATION.test(evidenceText(ev))));
    if (verified) return null;
    return claim.evidence.length
      ? 'The claim relies on carbon credits, but none of its evidence is an independent registry record or verification of them (in-house invoices show a purchase, not that the credits were real and retired).'
      : 'The claim relies on carbon credits, and there is no evidence that they were independently verified and retired.';
  },
});
