import { z } from 'zod';
import { Finding } from './pii-finding.ts';
import { TopicRules } from './topic-rules.ts';
import { CustomerPseudonymPolicy, StaffNamingPolicy } from './naming.ts';
import { MessageFormat, MessageRole, ThreadKind, ThreadStatus, Decision } from '../model/thread.ts';
import { ThreadPage, ThreadQuery } from '../model/thread-views.ts';

// Curation's views and settings. Pure zod (no Node imports): shared by the core, the contract and the renderer.

const Regex = z.string().min(1).max(500).superRefine((source, ctx) => {
  try {
    const re = new RegExp(source, 'u');
    if (re.test('')) ctx.addIssue({ code: 'custom', message: `the pattern ${JSON.stringify(source)} matches empty text` });
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(source)} is not a valid regular expression: ${(err as Error).message}` });
  }
});

/** Every workspace policy setting with its default. Stored in the workspace database, changed through the audit log. */
export const CurationSettings = z.object({
  /** Country whose national phone number forms are recognised (ISO 3166 alpha-2). */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as GB, US, DE, FR or NL').default('GB'),
  /** How customers appear: "Customer in Leeds" (location), "J." (initial) or "Customer" (anonymous). */
  customerPseudonym: CustomerPseudonymPolicy.default('location'),
  customerLabel: z.string().trim().min(1).max(60).default('Customer'),
  customerLocationFormat: z.string().trim().max(80).refine((s) => s.includes('{location}'), 'must contain {location}').default('Customer in {location}'),
  /**
   * How staff appear: their display name, or only their role. New workspaces start with the role (a member of staff
   * did not choose to be named in public); workspaces made before that keep "name" (migration 0100).
   */
  staffNaming: StaffNamingPolicy.default('role'),
  staffLabel: z.string().trim().min(1).max(60).default('Support team'),
  systemLabel: z.string().trim().min(1).max(60).default('Automated message'),
  /** The decision new threads get on import. */
  defaultDecision: z.enum(['pending', 'publish']).default('pending'),
  /** Refuse to publish a thread while any of its high-confidence personal data is neither accepted nor kept. */
  requirePiiHandled: z.boolean().default(false),
  /** Order or account number patterns (regular expressions). */
  accountPatterns: z.array(Regex).max(50).default([]),
  /** The company's own postcodes and address lines: never flagged. */
  companyPostcodes: z.array(z.string().trim().min(1).max(20)).max(200).default([]),
  companyAddresses: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
  /** The company's own e-mail domains: role mailboxes there (support@, info@) are not personal data. */
  companyDomains: z.array(z.string().trim().min(1).max(253)).max(50).default([]),
  /** The company's own phone numbers, in any notation: never flagged. */
  companyPhones: z.array(z.string().trim().min(3).max(40)).max(100).default([]),
  /** Topic name -> keywords or phrases. */
  topicRules: TopicRules.default({}),
  /** Largest evidence file a claim may carry (MB); bigger files are refused at import, so every build stays possible. */
  evidenceMaxMb: z.number().int().min(1).max(1_000_000).default(100),
});
export type CurationSettings = z.output<typeof CurationSettings>;
export type SettingKey = keyof CurationSettings;
export const SETTING_KEYS = Object.keys(CurationSettings.shape) as SettingKey[];

export const SETTING_HELP: Record<SettingKey, string> = {
  defaultCountry: 'Country for national phone numbers (GB, US, DE, FR, NL, ...)',
  customerPseudonym: 'location ("Customer in Leeds") | initial ("J.") | anonymous ("Customer")',
  customerLabel: 'What a customer is called when nothing else is shown',
  customerLocationFormat: 'How a customer with a known town is shown; {location} is the town',
  staffNaming: 'name (staff display name) | role (only staffLabel)',
  staffLabel: 'What staff are called when only their role is shown',
  systemLabel: 'How automated messages are labelled',
  defaultDecision: 'Decision for newly imported threads: pending | publish',
  requirePiiHandled: 'true: a thread cannot be published until all its high-confidence personal data is accepted or kept',
  accountPatterns: 'JSON list of regular expressions for order/account numbers, e.g. ["ORD-\\\\d{6}"]',
  companyPostcodes: 'JSON list of the company\'s own postcodes (never flagged)',
  companyAddresses: 'JSON list of the company\'s own address lines (never flagged)',
  companyDomains: 'JSON list of the company\'s e-mail domains (support@, info@ there are not personal data)',
  companyPhones: 'JSON list of the company\'s own phone numbers, any notation (never flagged)',
  topicRules: 'JSON object: topic -> keywords/phrases, e.g. {"Delivery":["late delivery","courier*"]}',
  evidenceMaxMb: 'Largest evidence file a claim import accepts, in MB (default 100)',
};

export const ReviewStatus = z.enum(['pending', 'accepted', 'rejected']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/**
 * Where a finding or a manual redaction is: the thread's subject, one message (by Candor's message id), a tag, the
 * display name a staff message is published under, or one of a message's attachment names.
 */
const Location = z.string().regex(/^(?:subject|message:.+|tag:.+|author:.+|attachment:.+)$/s);

export const FindingView = Finding.extend({
  location: Location,
  /** pending: no curator has looked; accepted: removed; rejected: kept as written (high confidence: with a reason). */
  status: ReviewStatus,
  reason: z.string().nullable(),
  /** What publishing does with it now. */
  redacted: z.boolean(),
});
export type FindingView = z.infer<typeof FindingView>;

export const ManualRedaction = z.object({
  id: z.string(),
  location: Location,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string(),
  note: z.string().nullable(),
  actor: z.string(),
  createdAt: z.string(),
});
export type ManualRedaction = z.infer<typeof ManualRedaction>;

export const ThreadRedactions = z.object({
  threadId: z.string(),
  findings: z.array(FindingView),
  manual: z.array(ManualRedaction),
  /** Where spans can be placed: the subject and each public message, with their length in UTF-16 units. */
  places: z.array(z.object({ location: Location, role: z.string().nullable(), sentAt: z.string().nullable(), length: z.number().int() })),
  summary: z.object({
    total: z.number().int(),
    pending: z.number().int(),
    pendingHigh: z.number().int(),
    redacted: z.number().int(),
  }),
});
export type ThreadRedactions = z.infer<typeof ThreadRedactions>;

const PublishedMessage = z.object({
  id: z.string(),
  role: MessageRole,
  /** The pseudonym or staff label, never a customer's name. */
  author: z.string(),
  sentAt: z.string(),
  body: z.string(),
  format: MessageFormat,
});
type PublishedMessage = z.infer<typeof PublishedMessage>;

/** Exactly what the public site shows of one thread: redacted, pseudonymised, without internal notes or private data. */
export const PublishedThread = z.object({
  id: z.string(),
  source: z.string(),
  kind: ThreadKind,
  subject: z.string().nullable(),
  rating: z.number().int().nullable(),
  status: ThreadStatus,
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  lastActivityAt: z.string(),
  /** Tags from the source and curators. */
  tags: z.array(z.string()),
  /** Topics from the workspace's rules. */
  topics: z.array(z.string()),
  customer: z.string(),
  decision: Decision,
  messages: z.array(PublishedMessage),
});
export type PublishedThread = z.infer<typeof PublishedThread>;

/** The store's thread query plus curation's filters. */
export const CurationQuery = ThreadQuery.extend({
  /** Only threads with personal data no curator has reviewed yet (true), or only those without (false). */
  unreviewed: z.boolean().optional(),
  /** Only threads the workspace's topic rules put under this topic. */
  topic: z.string().optional(),
});
export type CurationQuery = z.input<typeof CurationQuery>;

/**
 * A page of curation's search. stillChecking: conversations the personal-data check (the one after an import) has not
 * reached yet; while it runs the search answers from what is stored and counts them as having unreviewed personal
 * data. 0 when nothing is being checked.
 */
export const CuratedPage = ThreadPage.extend({ stillChecking: z.number().int().nonnegative().optional() });
export type CuratedPage = z.infer<typeof CuratedPage>;

/** Whom to erase (GDPR Art. 17): some threads by id, or every thread of a customer by e-mail address or name. */
export const EraseTarget = z.union([
  z.strictObject({ threadIds: z.array(z.string().min(1)).min(1).max(10_000) }),
  z.strictObject({ customer: z.string().trim().min(1).max(320) }),
]);
export type EraseTarget = z.infer<typeof EraseTarget>;

/** What an erasure removed: counts only, never what. */
export const EraseResult = z.object({
  /** The audit entry's id ("erasure:<uuid>"): what the organisation can quote back to the customer. */
  erasureId: z.string(),
  at: z.string(),
  threads: z.number().int(),
  messages: z.number().int(),
  findings: z.number().int(),
  /** Every row removed (threads, messages, private data, findings, reviews, decisions, tags, audit entries). */
  records: z.number().int(),
  dryRun: z.boolean(),
});
export type EraseResult = z.infer<typeof EraseResult>;

/** "Personal-data detection improved: N conversations have new findings to review." */
export const DetectorNews = z.object({
  detectorVersion: z.string(),
  /** Conversations with findings the current detectors made and the previous ones did not, not yet reviewed. */
  conversations: z.number().int(),
  /** The newest of them (at most 50). */
  threadIds: z.array(z.string()),
  /** Conversations last scanned by older detectors: scanned again when opened or at the next build. */
  awaitingRescan: z.number().int(),
});
export type DetectorNews = z.infer<typeof DetectorNews>;
