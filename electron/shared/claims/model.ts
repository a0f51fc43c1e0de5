import { z } from 'zod';
import { Language } from './language.ts';

// The claim vocabulary. Field names follow ../shared/reference/green-claims-rules.md (snake_case) because they are
// also the import format (docs/formats/claims.md): one spelling from the file to the linter.
export const MARKETS = ['EU', 'UK', 'US'] as const;
export const CLAIM_CATEGORIES = [
  'generic', 'climate', 'recycled_content', 'recyclability', 'compostability', 'degradability', 'free_of', 'toxicity',
  'renewable_energy', 'renewable_material', 'label', 'future_target', 'comparison', 'water', 'biodiversity', 'other',
] as const;
export const CLAIM_SCOPES = ['product', 'part', 'company'] as const;
export const EVIDENCE_TYPES = ['certificate', 'report', 'audit', 'dataset', 'url'] as const;
export const CLAIM_STATUSES = ['draft', 'in_review', 'approved', 'published', 'retired'] as const;

export const Market = z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(MARKETS));
export const ClaimCategory = z.enum(CLAIM_CATEGORIES);
export const ClaimScope = z.enum(CLAIM_SCOPES);
export const EvidenceType = z.enum(EVIDENCE_TYPES);
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type Market = z.infer<typeof Market>;
export type ClaimCategory = z.infer<typeof ClaimCategory>;
export type ClaimScope = z.infer<typeof ClaimScope>;
export type EvidenceType = z.infer<typeof EvidenceType>;
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** A calendar-valid YYYY-MM-DD (Date would roll 2026-02-30 over to March). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const IsoDate = z.string().trim().refine(isIsoDate, { message: 'expected a real date as YYYY-MM-DD' });

const Text = z.string().trim();
const OptionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), Text.nullable()).default(null);
const OptionalDate = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), IsoDate.nullable()).default(null);

export const ClaimId = z.union([z.string(), z.number().int().transform(String)]).pipe(
  z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a claim id is 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit'),
);

export const YearValue = z.strictObject({
  value: z.number().finite(),
  year: z.number().int().min(1900).max(2200),
});
export type YearValue = z.infer<typeof YearValue>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');

/** A file kept in the workspace's evidence/ folder under its SHA-256; the name is only for people. */
export const EvidenceFile = z.strictObject({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: Sha256,
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

const evidenceShape = {
  type: EvidenceType,
  title: Text.default(''),
  issuer: OptionalText,
  independent_third_party: z.boolean().default(false),
  issued: OptionalDate,
  valid_until: OptionalDate,
  covers: z.array(Text.min(1)).default([]),
  url: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.url({ protocol: /^https?$/ }).nullable()).default(null),
};

function oneSource(ev: { url: string | null; file: unknown }, ctx: z.RefinementCtx): void {
  if (ev.url && ev.file) ctx.addIssue({ code: 'custom', message: 'evidence has either a url or a file, not both', path: ['file'] });
}

/** Evidence as stored: a file is already in the workspace. */
export const Evidence = z.strictObject({ ...evidenceShape, file: EvidenceFile.nullable().default(null) }).superRefine(oneSource);
export type Evidence = z.infer<typeof Evidence>;

/** Evidence as imported: a file is a path (relative to the import file) still to be copied, or an existing one. */
export const EvidenceInput = z.strictObject({
  ...evidenceShape,
  file: z.union([Text.min(1), EvidenceFile]).nullable().default(null),
}).superRefine(oneSource);
export type EvidenceInput = z.infer<typeof EvidenceInput>;
export type EvidenceInputShape = z.input<typeof EvidenceInput>;

const claimShape = {
  id: ClaimId,
  title: Text.default(''),
  statement: Text.min(1, 'a claim needs its statement (the words the public will read)'),
  markets: z.array(Market).min(1, 'name at least one market (EU, UK, US)').transform((ms) => MARKETS.filter((m) => ms.includes(m))),
  category: ClaimCategory,
  scope: ClaimScope,
  scope_detail: OptionalText,
  metric: OptionalText,
  unit: OptionalText,
  baseline: YearValue.nullable().default(null),
  target: YearValue.nullable().default(null),
  current_value: z.number().finite().nullable().default(null),
  current_as_of: OptionalDate,
  comparison_basis: OptionalText,
  /** null = not known whether carbon credits are used: itself something the linter asks about. */
  uses_offsets: z.boolean().nullable().default(null),
  label: OptionalText,
  owner: OptionalText,
  /** The statement's language (en, de, fr, nl, es, it); null = detected from the statement. */
  language: z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toLowerCase()) : v), Language.nullable()).default(null),
};

/** A title is for staff lists; when a file gives none, the statement's opening words stand in. */
function withTitle<T extends { title: string; statement: string }>(c: T): T {
  if (c.title) return c;
  const words = c.statement.length > 80 ? `${c.statement.slice(0, 77).replace(/\s+\S*$/, '')}…` : c.statement;
  return { ...c, title: words };
}

/** The content of a claim: what staff edit, what the linter reads, what a revision freezes. */
export const Claim = z.strictObject({ ...claimShape, evidence: z.array(Evidence).default([]) }).transform(withTitle);
export type Claim = z.infer<typeof Claim>;
export type ClaimInputShape = z.input<typeof Claim>;

/** A claim as it arrives in an import file or from the app: evidence files may still be paths. */
export const ClaimInput = z.strictObject({ ...claimShape, evidence: z.array(EvidenceInput).default([]) }).transform(withTitle);
export type ClaimInput = z.infer<typeof ClaimInput>;

/** The import file: {"claims": [...]}. Records are validated one by one so one bad claim names itself. */
export const ClaimFile = z.strictObject({ claims: z.array(z.unknown()) });

/** A stored claim: its content (the working copy) plus where it is in the workflow. */
export const ClaimRecord = z.object({
  claim: Claim,
  status: ClaimStatus,
  /** Latest published revision (0 = never published). */
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ClaimRecord = z.infer<typeof ClaimRecord>;
