import type { ThreadKind } from '../../shared/model/thread.ts';

// How the site words Candor's codes: kinds, statuses, sources, roles and withholding reasons. Templates receive the
// words, never the codes, so a theme never has to know them.

export const KIND_ORDER: readonly ThreadKind[] = ['complaint', 'praise', 'question', 'suggestion', 'other'];

const SOURCE_LABELS: Record<string, string> = {
  zendesk: 'Zendesk', trustpilot: 'Trustpilot', email: 'E-mail', mbox: 'E-mail', eml: 'E-mail', csv: 'Spreadsheet', candor: 'Candor',
  google: 'Google reviews', 'google-reviews': 'Google reviews', intercom: 'Intercom', freshdesk: 'Freshdesk', helpscout: 'Help Scout', web: 'Web form', 'web-form': 'Web form',
};

export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source.toLowerCase()] ?? source.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** Why a conversation was held back, as the moderation report explains it. */
export const REASONS: Record<string, { label: string; description: string }> = {
  'privacy-request': { label: 'Privacy request', description: 'The customer asked for the conversation not to be published, or to be removed.' },
  legal: { label: 'Legal', description: 'Publishing it could breach a law or a legal obligation, for example while a legal case is open.' },
  abusive: { label: 'Abusive', description: 'It contains abuse, threats, harassment or hate.' },
  spam: { label: 'Spam', description: 'It is spam or advertising rather than feedback.' },
  duplicate: { label: 'Duplicate', description: 'The same conversation is already published from another source.' },
  'off-topic': { label: 'Off-topic', description: 'It is not about the organisation\'s products or services.' },
  'no-consent': { label: 'No consent', description: 'The customer has not agreed to publication where agreement is needed.' },
  other: { label: 'Other', description: 'Another reason, recorded with a note in the organisation\'s audit log.' },
};
