import { describe, expect, it } from 'vitest';
import { applyRedactions, safeSpan } from '../../electron/core/curation/pii/redact.ts';
import { authorLabel, customerPseudonym, publicTown } from '../../electron/core/curation/pseudonym.ts';
import type { NamingPolicy } from '../../electron/core/curation/pseudonym.ts';
import { namingInLanguage } from '../../electron/core/curation/settings.ts';
import { compileTopicRules, topicsFor } from '../../electron/core/curation/topics.ts';
import { TopicRules } from '../../electron/shared/curation/topic-rules.ts';
import { computeStats, formatDuration, median, metrics, moderationReport } from '../../electron/shared/curation/stats.ts';
import type { StatThread } from '../../electron/shared/curation/stats.ts';

/** A UTF-16 surrogate without its partner: what a span cutting an emoji in half would leave. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('applyRedactions', () => {
  it.each([
    ['mail me at a@b.co now', [{ start: 11, end: 17, kind: 'email' as const }], 'mail me at [email removed] now'],
    ['Sarah 07911 123456', [{ start: 0, end: 5, kind: 'name' as const }, { start: 6, end: 18, kind: 'phone' as const }], '[name removed] [phone removed]'],
    ['abcdef', [{ start: 1, end: 4, kind: 'manual' as const }, { start: 2, end: 5, kind: 'email' as const }], 'a[removed]f'],
    ['abcdef', [{ start: 0, end: 6, kind: 'url' as const }, { start: 2, end: 3, kind: 'email' as const }], '[link removed]'],
    ['abc', [], 'abc'],
    ['abc', [{ start: 2, end: 2, kind: 'manual' as const }], 'abc'],
    ['abc', [{ start: -5, end: 99, kind: 'manual' as const }], '[removed]'],
  ])('%s', (text, spans, expected) => {
    expect(applyRedactions(text, spans)).toBe(expected);
  });

  it('never splits a surrogate pair and leaves the input untouched', () => {
    const text = 'a😀b😀c';
    // 1..2 is the high surrogate of the first emoji only: widened to the whole emoji.
    expect(safeSpan(text, 1, 2)).toEqual([1, 3]);
    expect(safeSpan(text, 2, 4)).toEqual([1, 4]);
    const out = applyRedactions(text, [{ start: 2, end: 5, kind: 'manual' }]);
    expect(out).toBe('a[removed]c');
    expect(out).not.toMatch(LONE_SURROGATE);
    expect(text).toBe('a😀b😀c');
  });
});

const policy: NamingPolicy = { customerPseudonym: 'location', customerLabel: 'Customer', customerLocationFormat: 'Customer in {location}', staffNaming: 'name', staffLabel: 'Support team', systemLabel: 'Automated message' };

describe('pseudonyms', () => {
  it.each([
    ['location', { name: 'Jane Smith', location: 'Leeds' }, 'Customer in Leeds'],
    ['location', { name: 'Jane Smith', location: '12 High Street, Leeds LS6 2AB, UK' }, 'Customer in Leeds'],
    ['location', { name: 'Jane Smith', location: 'Hauptstraße 5, 10115 Berlin' }, 'Customer in Berlin'],
    ['location', { name: 'Jane Smith', location: null }, 'Customer'],
    ['location', { name: 'Jane Smith', location: "Jane's house" }, 'Customer'],
    ['initial', { name: 'Jane Smith', location: 'Leeds' }, 'J.'],
    ['initial', { name: 'mrs émilie laurent' }, 'É.'],
    ['initial', { name: '' }, 'Customer'],
    ['anonymous', { name: 'Jane Smith', location: 'Leeds' }, 'Customer'],
  ] as const)('%s %j', (mode, customer, expected) => {
    expect(customerPseudonym({ ...policy, customerPseudonym: mode }, customer)).toBe(expected);
  });

  it('keeps only the town of a location', () => {
    expect(publicTown('Flat 3, 14 Acacia Avenue, Manchester M1 1AE')).toBe('Manchester');
    // Never below town level: no house name, street or postcode, whatever order the parts come in.
    expect(publicTown('Rose Cottage, Church Lane, Little Snoring NR21 0AX')).toBe('Little Snoring');
    expect(publicTown('Flat 2, 5 Park Road, Headingley, Leeds LS6 1AA')).toBe('Leeds');
    expect(publicTown('ROSE COTTAGE')).toBeNull();
    expect(publicTown('Church Lane')).toBeNull();
    expect(publicTown('Austin, TX 78705')).toBe('Austin');
    expect(publicTown('Keizersgracht 123, 1015 CJ Amsterdam, Nederland')).toBe('Amsterdam');
    expect(publicTown('')).toBeNull();
  });

  it('shows staff by name or role, and never a customer by name', () => {
    expect(authorLabel(policy, 'staff', 'Tom', 'J.')).toBe('Tom');
    expect(authorLabel({ ...policy, staffNaming: 'role' }, 'staff', 'Tom', 'J.')).toBe('Support team');
    expect(authorLabel(policy, 'staff', 'tom@acme.com', 'J.')).toBe('Support team');
    expect(authorLabel(policy, 'staff', null, 'J.')).toBe('Support team');
    expect(authorLabel(policy, 'customer', 'Jane Smith', 'J.')).toBe('J.');
    expect(authorLabel(policy, 'system', 'bot', 'J.')).toBe('Automated message');
  });

  const GERMAN = { customer: 'Kunde', customerIn: 'Kunde in {location}', staff: 'Kundenservice', system: 'Automatische Nachricht' };
  it.each([
    ['default labels are said in the site language', {}, { name: 'Jane Smith', location: 'Leeds' }, 'Kunde in Leeds', 'Kundenservice'],
    ['no town: the plain label, in the site language', {}, { name: 'Jane Smith', location: null }, 'Kunde', 'Kundenservice'],
    ['labels the organisation chose stay as chosen', { customerLocationFormat: 'Shopper from {location}', staffLabel: 'Fernhill help desk' }, { location: 'Leeds' }, 'Shopper from Leeds', 'Fernhill help desk'],
  ] as const)('%s', (_, own, customer, shown, staff) => {
    const local = namingInLanguage({ ...policy, staffNaming: 'role', ...own }, GERMAN);
    expect(customerPseudonym(local, customer)).toBe(shown);
    expect(authorLabel(local, 'staff', 'Tom', shown)).toBe(staff);
  });

  it('keeps the English form when a translation lost its {location} (a town is never dropped silently)', () => {
    expect(customerPseudonym(namingInLanguage(policy, { ...GERMAN, customerIn: 'Kunde' }), { location: 'Leeds' })).toBe('Customer in Leeds');
  });
});

describe('topics', () => {
  const rules = compileTopicRules(TopicRules.parse({ Delivery: ['late delivery', 'courier*', 'parcel'], Refunds: ['refund*', 'money back'], Billing: ['invoice'] }));
  it.each([
    ['My PARCEL never came', ['Delivery']],
    ['The couriers lost it and I want my money   back', ['Delivery', 'Refunds']],
    ['Refunded quickly', ['Refunds']],
    ['late\ndelivery again', ['Delivery']],
    ['Réfund? no: refundable', ['Refunds']],
    ['parcels are not a whole-word parcel match... parcelforce', ['Delivery']],
    ['nothing here', []],
  ])('%s', (text, expected) => {
    expect(topicsFor(text, rules)).toEqual(expected);
  });
  it('rejects empty topics and phrases', () => {
    expect(TopicRules.safeParse({ '': ['x'] }).success).toBe(false);
    expect(TopicRules.safeParse({ A: [] }).success).toBe(false);
    expect(TopicRules.safeParse({ A: [' '] }).success).toBe(false);
  });
});

function t(p: Partial<StatThread>): StatThread {
  return { kind: 'complaint', status: 'open', rating: null, source: 'zendesk', openedAt: '2026-01-01T00:00:00.000Z', resolvedAt: null, decision: 'pending', decisionReason: null, firstCustomerAt: '2026-01-01T00:00:00.000Z', firstStaffReplyAt: null, ...p };
}

describe('statistics', () => {
  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('response rate, reply and resolution times, share resolved', () => {
    const m = metrics([
      t({ firstStaffReplyAt: '2026-01-01T01:00:00.000Z', status: 'resolved', resolvedAt: '2026-01-02T00:00:00.000Z' }),
      t({ firstStaffReplyAt: '2026-01-01T03:00:00.000Z', status: 'resolved', resolvedAt: '2026-01-04T00:00:00.000Z' }),
      t({}),
      t({ firstCustomerAt: null }),
    ]);
    expect(m).toEqual({ threads: 4, awaitingReply: 3, responded: 2, responseRate: 0.6667, medianFirstReplySeconds: 7200, resolved: 2, shareResolved: 0.5, medianResolutionSeconds: 2 * 86400 });
    expect(metrics([])).toMatchObject({ threads: 0, responseRate: null, shareResolved: null, medianFirstReplySeconds: null });
  });

  it('the moderation report counts every reason, including zero', () => {
    const r = moderationReport([t({ decision: 'publish' }), t({ decision: 'withhold', decisionReason: 'legal' }), t({ decision: 'withhold', decisionReason: 'spam' }), t({ decision: 'withhold', decisionReason: 'legal' }), t({})]);
    expect(r).toMatchObject({ imported: 5, published: 1, withheld: 3, pending: 1, withheldByReason: { 'privacy-request': 0, legal: 2, abusive: 0, spam: 1, duplicate: 0, 'off-topic': 0, 'no-consent': 0, other: 0 } });
    // Its shape: what is held back and what waits, by kind and rating, and since when the oldest has waited.
    expect(r.withheldByKind).toMatchObject({ complaint: 3, praise: 0 });
    expect(r.withheldByRating).toMatchObject({ none: 3, 1: 0 });
    expect(r.pendingByKind).toMatchObject({ complaint: 1 });
    expect(r.oldestPendingSince).toBe('2026-01-01T00:00:00.000Z');
    expect(moderationReport([t({ decision: 'publish' })]).oldestPendingSince).toBeNull();
  });

  it('is over all imported threads, by month, and says so', () => {
    const s = computeStats([
      t({ openedAt: '2026-02-10T00:00:00.000Z', decision: 'publish', rating: 1, source: 'trustpilot' }),
      t({ openedAt: '2026-01-05T00:00:00.000Z', decision: 'withhold', decisionReason: 'abusive', kind: 'praise', rating: 5 }),
      t({ openedAt: '2026-01-20T00:00:00.000Z' }),
    ]);
    expect(s.scope).toBe('all-imported-threads');
    expect(s.note).toContain('all 3 imported threads');
    expect(s.note).toContain('not only the 1 published');
    expect(s.dataUpTo).toBe('2026-02-10T00:00:00.000Z');
    expect(s.overall.byKind).toMatchObject({ complaint: 2, praise: 1, question: 0 });
    expect(s.overall.byRating).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 1, none: 1 });
    expect(s.overall.bySource).toEqual({ trustpilot: 1, zendesk: 2 });
    expect(s.overall.complaints.threads).toBe(2);
    expect(s.byMonth.map((m) => [m.month, m.all.threads, m.moderation.withheld])).toEqual([['2026-01', 2, 1], ['2026-02', 1, 0]]);
  });

  it.each([[null, '—'], [42, '42 s'], [600, '10 min'], [3 * 3600 + 1200, '3 h 20 min'], [50 * 3600, '2 d 2 h']] as const)('formatDuration %s', (s, out) => {
    expect(formatDuration(s)).toBe(out);
  });
});
