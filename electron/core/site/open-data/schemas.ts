import { z } from 'zod';
import { MESSAGE_ROLES, THREAD_KINDS, THREAD_STATUSES } from '../../../shared/model/thread.ts';

// What the open data files hold. These zod schemas are the single definition: data/threads.schema.json and
// data/claims.schema.json are generated from them, and tests read the files back through them.

const Iso = z.string().describe('ISO 8601 date and time, UTC');

export const OpenMessage = z.strictObject({
  role: z.enum(MESSAGE_ROLES).describe('customer, staff (the company) or system'),
  author: z.string().describe('A pseudonym for customers; a display name or role for staff'),
  sent_at: Iso,
  body: z.string().describe('The public text with personal data replaced by placeholders such as [email removed]'),
});

export const OpenThread = z.strictObject({
  id: z.string(),
  source: z.string().describe('Where the conversation came from (zendesk, trustpilot, email, ...)'),
  kind: z.enum(THREAD_KINDS),
  subject: z.string().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  status: z.enum(THREAD_STATUSES),
  opened_at: Iso,
  resolved_at: Iso.nullable(),
  tags: z.array(z.string()).describe('Tags and topics'),
  messages: z.array(OpenMessage),
});
export type OpenThread = z.infer<typeof OpenThread>;

export const OpenThreadsFile = z.strictObject({ threads: z.array(OpenThread) }).meta({
  title: 'Published feedback threads',
  description: 'Every published conversation, complaints included, as shown on the site: redacted, pseudonymised, without internal notes.',
});

const YearValue = z.strictObject({ value: z.number(), year: z.number().int() });

export const OpenEvidence = z.strictObject({
  type: z.string(),
  title: z.string(),
  issuer: z.string().nullable(),
  independent_third_party: z.boolean(),
  issued: z.string().nullable(),
  valid_until: z.string().nullable(),
  covers: z.array(z.string()),
  url: z.string().nullable(),
  file: z.strictObject({ name: z.string(), size: z.number().int(), sha256: z.string(), path: z.string().nullable() }).nullable(),
});

export const OpenClaim = z.strictObject({
  id: z.string(),
  title: z.string(),
  statement: z.string(),
  markets: z.array(z.string()),
  category: z.string(),
  scope: z.string(),
  scope_detail: z.string().nullable(),
  metric: z.string().nullable(),
  unit: z.string().nullable(),
  baseline: YearValue.nullable(),
  target: YearValue.nullable(),
  current_value: z.number().nullable(),
  current_as_of: z.string().nullable(),
  comparison_basis: z.string().nullable(),
  uses_offsets: z.boolean().nullable(),
  label: z.string().nullable(),
  status: z.enum(['published', 'retired']),
  revision: z.number().int(),
  published_at: z.string().nullable(),
  progress: z.strictObject({ status: z.string(), explanation: z.string() }),
  evidence: z.array(OpenEvidence),
  revisions: z.array(z.strictObject({
    revision: z.number().int(),
    published_at: z.string(),
    changes: z.array(z.strictObject({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  })),
});
export type OpenClaim = z.infer<typeof OpenClaim>;

export const OpenClaimsFile = z.strictObject({ claims: z.array(OpenClaim) }).meta({
  title: 'Published sustainability claims',
  description: 'Every published or retired claim with its figures, computed progress, evidence and revision history.',
});

/** A published JSON Schema (draft 2020-12) with its address: data/threads.schema.json, data/claims.schema.json. */
export function jsonSchemaOf(schema: z.ZodType, id: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: json.$schema, $id: id, ...json }, null, 2)}\n`;
}
