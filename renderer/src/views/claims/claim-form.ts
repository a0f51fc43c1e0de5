import type { Req, Res } from '../../../../electron/shared/contract.ts';

// The claim editor's form: what people type (text in every box), and the conversion to the core's claim shape.
// Nothing here judges a claim: the linter in the core does, on the draft as it stands.

export type ClaimInput = Req<'claims.save'>['claim'];
export type StoredClaim = Res<'claims.get'>['record']['claim'];
type EvidenceInput = NonNullable<ClaimInput['evidence']>[number];
type StoredFile = { name: string; size: number; sha256: string };
export type Market = 'EU' | 'UK' | 'US';
export type Category = ClaimInput['category'];
export type Scope = ClaimInput['scope'];
export type EvidenceType = EvidenceInput['type'];
export type ClaimStatus = Res<'claims.get'>['record']['status'];
export type LintFinding = Res<'claims.lint'>['findings'][number];

export type EvidenceDraft = {
  type: EvidenceType;
  title: string;
  issuer: string;
  independent_third_party: boolean;
  issued: string;
  valid_until: string;
  covers: string;
  url: string;
  /** A stored file (kept as is) or a path to copy in on save. */
  file: StoredFile | string | null;
};

export type ClaimForm = {
  id: string;
  title: string;
  statement: string;
  markets: Market[];
  category: Category;
  scope: Scope;
  scope_detail: string;
  metric: string;
  unit: string;
  baselineValue: string;
  baselineYear: string;
  targetValue: string;
  targetYear: string;
  currentValue: string;
  currentAsOf: string;
  comparison_basis: string;
  uses_offsets: 'yes' | 'no' | 'unknown';
  label: string;
  owner: string;
  evidence: EvidenceDraft[];
};

export const MARKET_LIST: Market[] = ['EU', 'UK', 'US'];
export const CATEGORY_LABEL: Record<Category, string> = {
  generic: 'General environmental claim', climate: 'Climate / carbon', recycled_content: 'Recycled content', recyclability: 'Recyclability',
  compostability: 'Compostability', degradability: 'Degradability', free_of: '“Free of” a substance', toxicity: 'Toxicity',
  renewable_energy: 'Renewable energy', renewable_material: 'Renewable material', label: 'Label or seal', future_target: 'Future target',
  comparison: 'Comparison', water: 'Water', biodiversity: 'Biodiversity', other: 'Other',
};
export const SCOPE_LABEL: Record<Scope, string> = { product: 'A whole product', part: 'Part of a product or business', company: 'The whole company' };
export const EVIDENCE_LABEL: Record<EvidenceType, string> = { certificate: 'Certificate', report: 'Report', audit: 'Audit', dataset: 'Dataset', url: 'Web page' };
export const STATUS_LABEL: Record<ClaimStatus, string> = { draft: 'Draft', in_review: 'In review', approved: 'Approved', published: 'Published', retired: 'Retired' };

export function emptyEvidence(): EvidenceDraft {
  return { type: 'certificate', title: '', issuer: '', independent_third_party: false, issued: '', valid_until: '', covers: '', url: '', file: null };
}

export function emptyForm(): ClaimForm {
  return {
    id: '', title: '', statement: '', markets: ['EU', 'UK'], category: 'generic', scope: 'product', scope_detail: '', metric: '', unit: '',
    baselineValue: '', baselineYear: '', targetValue: '', targetYear: '', currentValue: '', currentAsOf: '', comparison_basis: '',
    uses_offsets: 'unknown', label: '', owner: '', evidence: [],
  };
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function formFromClaim(c: StoredClaim): ClaimForm {
  return {
    id: c.id,
    title: c.title,
    statement: c.statement,
    markets: [...c.markets],
    category: c.category,
    scope: c.scope,
    scope_detail: str(c.scope_detail),
    metric: str(c.metric),
    unit: str(c.unit),
    baselineValue: str(c.baseline?.value),
    baselineYear: str(c.baseline?.year),
    targetValue: str(c.target?.value),
    targetYear: str(c.target?.year),
    currentValue: str(c.current_value),
    currentAsOf: str(c.current_as_of),
    comparison_basis: str(c.comparison_basis),
    uses_offsets: c.uses_offsets === true ? 'yes' : c.uses_offsets === false ? 'no' : 'unknown',
    label: str(c.label),
    owner: str(c.owner),
    evidence: c.evidence.map((e) => ({
      type: e.type, title: e.title, issuer: str(e.issuer), independent_third_party: e.independent_third_party, issued: str(e.issued),
      valid_until: str(e.valid_until), covers: e.covers.join(', '), url: str(e.url), file: e.file,
    })),
  };
}

/** "12,5" and "12.5" are both twelve and a half; anything else that is not a number stays text for the core to refuse. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return null;
  const n = Number(/^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t);
  return Number.isFinite(n) ? n : Number.NaN;
}

function yearValue(value: string, year: string): { value: number; year: number } | null {
  const v = parseNumber(value);
  const y = parseNumber(year);
  if (v === null && y === null) return null;
  return { value: v ?? Number.NaN, year: y ?? Number.NaN };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function evidenceInput(e: EvidenceDraft): EvidenceInput {
  return {
    type: e.type,
    title: e.title.trim(),
    issuer: orNull(e.issuer),
    independent_third_party: e.independent_third_party,
    issued: orNull(e.issued),
    valid_until: orNull(e.valid_until),
    covers: e.covers.split(',').map((c) => c.trim()).filter(Boolean),
    url: orNull(e.url),
    file: typeof e.file === 'string' ? orNull(e.file) : e.file,
  };
}

export function claimInput(f: ClaimForm): ClaimInput {
  return {
    id: f.id.trim(),
    title: f.title.trim(),
    statement: f.statement.trim(),
    markets: f.markets,
    category: f.category,
    scope: f.scope,
    scope_detail: orNull(f.scope_detail),
    metric: orNull(f.metric),
    unit: orNull(f.unit),
    baseline: yearValue(f.baselineValue, f.baselineYear),
    target: yearValue(f.targetValue, f.targetYear),
    current_value: parseNumber(f.currentValue),
    current_as_of: orNull(f.currentAsOf),
    comparison_basis: orNull(f.comparison_basis),
    uses_offsets: f.uses_offsets === 'yes' ? true : f.uses_offsets === 'no' ? false : null,
    label: orNull(f.label),
    owner: orNull(f.owner),
    evidence: f.evidence.map(evidenceInput),
  };
}

/** A readable id from the title for a new claim: "Recycled bottle" -> "recycled-bottle". */
export function suggestId(title: string): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return slug || 'claim';
}

/**
 * Where a rule's finding is shown in the editor: beside the field it is about. The linter reports rule ids (its
 * public interface); which box each concerns is the editor's business.
 */
export type FieldKey = 'statement' | 'scope' | 'figures' | 'target' | 'comparison_basis' | 'uses_offsets' | 'label' | 'evidence';
const RULE_FIELD: Record<string, FieldKey> = {
  'GC-WHOLE-VS-PART': 'scope',
  'GC-NEUTRAL-BASIS-UNKNOWN': 'uses_offsets',
  'GC-OFFSET-VERIFY': 'evidence',
  'GC-LABEL-NO-SCHEME': 'label',
  'GC-SEAL-NO-BASIS': 'label',
  'GC-REEP-MISMATCH': 'evidence',
  'GC-EVIDENCE-EXPIRED': 'evidence',
  'GC-NO-EVIDENCE': 'evidence',
  'GC-EVIDENCE-SELF-ONLY': 'evidence',
  'GC-FREE-OF': 'evidence',
  'GC-NONTOXIC': 'evidence',
  'GC-FUTURE-NO-PLAN': 'target',
  'GC-FUTURE-NO-VERIFIER': 'evidence',
  'GC-COMPARE-BASIS': 'comparison_basis',
  'GC-NUMBER-MISMATCH': 'figures',
  'GC-NEGLIGIBLE': 'figures',
};

export function fieldOf(rule: string): FieldKey {
  return RULE_FIELD[rule] ?? 'statement';
}

export function findingsByField(findings: readonly LintFinding[]): Map<FieldKey, LintFinding[]> {
  const map = new Map<FieldKey, LintFinding[]>();
  for (const f of findings) map.set(fieldOf(f.rule), [...(map.get(fieldOf(f.rule)) ?? []), f]);
  return map;
}

/** The workflow's next steps from each status (the core enforces them), in the order the buttons appear. */
export function nextSteps(status: ClaimStatus): { to: ClaimStatus; label: string; primary: boolean }[] {
  const retire = { to: 'retired' as const, label: 'Retire', primary: false };
  switch (status) {
    case 'draft':
      return [{ to: 'in_review', label: 'Send for review', primary: true }, retire];
    case 'in_review':
      return [{ to: 'approved', label: 'Approve', primary: true }, { to: 'draft', label: 'Back to draft', primary: false }, retire];
    case 'approved':
      return [{ to: 'published', label: 'Publish', primary: true }, { to: 'draft', label: 'Back to draft', primary: false }, retire];
    case 'published':
      return [retire];
    case 'retired':
      return [];
  }
}
