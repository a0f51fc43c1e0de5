import type { Req, Res } from '../../../electron/shared/contract.ts';

// Words people read for the core's codes. Typed against the contract, so a new code is a compile error here.
type Summary = Res<'threads.search'>['threads'][number];
export type Kind = Summary['kind'];
export type Status = Summary['status'];
export type Decision = Summary['decision'];
export type WithholdReason = NonNullable<Req<'curation.decide'>['reason']>;
export type Role = Res<'threads.get'>['messages'][number]['role'];

export const KIND_LABEL: Record<Kind, string> = { complaint: 'Complaint', praise: 'Praise', question: 'Question', suggestion: 'Suggestion', other: 'Other' };
export const STATUS_LABEL: Record<Status, string> = { open: 'Open', resolved: 'Resolved', unresolved: 'Unresolved' };
export const DECISION_LABEL: Record<Decision, string> = { pending: 'Pending review', publish: 'Published', withhold: 'Withheld' };
export const ROLE_LABEL: Record<Role, string> = { customer: 'Customer', staff: 'Staff', system: 'System' };

export const REASON_LABEL: Record<WithholdReason, string> = {
  'privacy-request': 'The customer asked for privacy',
  legal: 'Legal reasons',
  abusive: 'Abusive or threatening',
  spam: 'Spam',
  duplicate: 'Duplicate of another conversation',
  'off-topic': 'Off-topic',
  'no-consent': 'No consent to publish',
  other: 'Other (explain in the note)',
};
export const WITHHOLD_REASONS = Object.keys(REASON_LABEL) as WithholdReason[];
export const KINDS = Object.keys(KIND_LABEL) as Kind[];
export const STATUSES = Object.keys(STATUS_LABEL) as Status[];
export const DECISIONS = Object.keys(DECISION_LABEL) as Decision[];

const SOURCE_NAMES: Record<string, string> = {
  json: 'Candor JSON', zendesk: 'Zendesk', freshdesk: 'Freshdesk', helpscout: 'Help Scout', intercom: 'Intercom',
  trustpilot: 'Trustpilot', google: 'Google reviews', email: 'E-mail', csv: 'Spreadsheet (CSV)',
};

export function sourceLabel(id: string): string {
  return SOURCE_NAMES[id] ?? id;
}

export function reasonLabel(code: string | null | undefined): string {
  if (!code) return '';
  return (REASON_LABEL as Record<string, string>)[code] ?? code;
}

export type FindingView = Res<'curation.findings'>['findings'][number];
export type PiiKind = FindingView['kind'];
export const PII_LABEL: Record<PiiKind, string> = {
  email: 'E-mail address', phone: 'Phone number', card: 'Payment card', iban: 'Bank account (IBAN)', ip: 'IP address',
  name: 'Customer’s name', account: 'Order or account number', url: 'Personal link', address: 'Street address', postcode: 'Postcode',
  cvv: 'Card security code', bank: 'Bank details', 'national-id': 'National ID number', passport: 'Passport number', licence: 'Driving licence number',
  birthdate: 'Date of birth', vehicle: 'Vehicle registration',
};
