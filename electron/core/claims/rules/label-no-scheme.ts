import { evidenceName, isExpired, isIndependent, isValidIndependentCertificate } from '../evidence.ts';
import { defineRule, euFrom } from '../rule.ts';

export const labelNoScheme = defineRule({
  id: 'GC-LABEL-NO-SCHEME',
  severity: 'error',
  citation: 'EU Annex I 2a, Art 2(q),(r); FTC §260.6(a); CMA P1',
  languages: [],
  title: 'Sustainability label with no valid independent certificate behind it',
  fix: 'Use a label from an independent certification scheme (and attach its certificate), or remove the label.',
  detect(claim, ctx) {
    if (!claim.label) return null;
    if (claim.evidence.some((ev) => isValidIndependentCertificate(ev, ctx.asOf))) return null;
    const certs = claim.evidence.filter((ev) => ev.type === 'certificate');
    const eu = claim.markets.includes('EU') ? euFrom(ctx) : '';
    let why: string;
    if (claim.evidence.length === 0) why = 'there is no certificate on file at all';
    else if (certs.some((ev) => isIndependent(ev) && isExpired(ev, ctx.asOf))) {
      const ev = certs.find((e) => isIndependent(e) && isExpired(e, ctx.asOf))!;
      why = `its certificate (${evidenceName(ev)}) expired on ${ev.valid_until}`;
    } else if (certs.length === 0) why = 'the evidence on file is not a certificate from a certification scheme';
    else if (certs.every((ev) => !isIndependent(ev))) why = 'the certificate on file is not from an independent third party';
    else why = `no certificate on file is in force on ${ctx.asOf}`;
    return `The label "${claim.label}" is shown, but ${why}. A sustainability label must rest on an independent certification scheme (or be set by a public authority).${eu}`;
  },
});
