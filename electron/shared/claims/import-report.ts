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

