import { z } from 'zod';

export const CLAIM_IMPORT_FORMATS = ['json', 'csv'] as const;

export type ClaimImportFormat = (typeof CLAIM_IMPORT_FORMATS)[number];

/** Per-file report: a public interface (`candor claims import --json` prints exactly these keys). */
export const ClaimImportReport = z.object({
  file: z.string(),
  format: z.enum(CLAIM_IMPORT_FORMATS),
  claimsCreated: z.number().int(),
  claimsUpdated: z.number().int(),
  rejected: z.array(z.object({ location: z.string(), reason: z.string() })),
  /** Imported, but worth a look (a category that had to be inferred). */
  warnings: z.array(z.object({ location: z.string(), message: z.string() })),
});
export type ClaimImportReport = z.infer<typeof ClaimImportReport>;

/** What a claims import is doing, in words (the app's progress bar and the command line's). */
export function claimImportStep(p: { phase: 'reading' | 'evidence' | 'storing'; filesRead: number; files: number; claimsRead: number; claims: number; evidenceHashed: number; evidence: number }): string {
  if (p.phase === 'storing') return 'storing the claims';
  if (p.phase === 'evidence') return `${p.evidenceHashed.toLocaleString('en')} of ${p.evidence.toLocaleString('en')} evidence files hashed`;
  if (p.claims === 0) return `${p.filesRead} of ${p.files} files read`;
  return `${p.claimsRead.toLocaleString('en')} of ${p.claims.toLocaleString('en')} claims read`;
}
