import { evidenceName, isExpired, listNames } from '../evidence.ts';
import { ALL_MARKETS, defineRule } from '../rule.ts';

export const evidenceExpired = defineRule({
  id: 'GC-EVIDENCE-EXPIRED',
  severity: 'error',
  citation: 'FTC §260.6(c); CMA P6',
  languages: [],
  markets: ALL_MARKETS,
  marketsReason: 'Substantiation: a claim must be backed by evidence in force in every market (UCPD Art 6, CMA P6, FTC); the reviewed examples apply it in the EU.',
  title: 'Evidence whose valid_until is before the review date',
  fix: 'Renew the evidence or withdraw the claim.',
  detect(claim, ctx) {
    const expired = claim.evidence.filter((ev) => isExpired(ev, ctx.asOf));
    if (expired.length === 0) return null;
    const names = expired.map((ev) => `${evidenceName(ev)} (valid until ${ev.valid_until})`);
    return {
      message: `${expired.length === 1 ? 'This evidence has' : 'This evidence has all'} expired by ${ctx.asOf}: ${listNames(names)}.`,
      fix: `Renew ${expired.length === 1 ? 'it' : 'them'} and attach the new ${expired.length === 1 ? 'document' : 'documents'}, or withdraw the claim.`,
    };
  },
});
