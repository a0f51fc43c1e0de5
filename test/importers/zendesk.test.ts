import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandorError } from '../../electron/core/errors.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempWorkspace } from '../helpers/workspace.ts';
import { counts, fixture, importOne, messagePrivate, thread, threadsOf, visibleText } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe('zendesk: {"tickets": [...]} with embedded comments and sideloaded users', () => {
  it('imports every ticket with its comments, keeping internal notes internal', async () => {
    const report = await importOne(ws, fixture('zendesk', 'tickets.json'));
    expect(report).toEqual({ file: fixture('zendesk', 'tickets.json'), format: 'zendesk', threadsCreated: 3, threadsUpdated: 0, messagesCreated: 10, internalNotes: 2, rejected: [], skipped: [], warnings: [] });
    const t = thread(ws, 'zendesk', '101');
    // The satisfaction comment is the customer's public words, after the conversation.
    expect(t.messages.map((m) => [m.role, m.visibility])).toEqual([['customer', 'public'], ['staff', 'internal'], ['staff', 'public'], ['customer', 'public'], ['customer', 'public']]);
    expect(t.messages.map((m) => m.authorName)).toEqual(['Maria Lopez', 'Sam Carter', 'Sam Carter', 'Maria Lopez', null]);
    expect(t.messages.at(-1)!.body).toBe('Quick and fair, thank you Sam.');
    expect(t).toMatchObject({ subject: 'Kettle arrived with a cracked lid', status: 'resolved', channel: 'email', rating: null, satisfaction: 'good', tags: ['damaged', 'kettle', 'refund'] });
    expect(thread(ws, 'zendesk', '103').satisfaction).toBeNull(); // "unoffered" is not a score
    expect(thread(ws, 'zendesk', '102').satisfaction).toBe('bad');
  });

  it('turns HTML into clean text: no markup, no tracking pixel, entities decoded', async () => {
    await importOne(ws, fixture('zendesk', 'tickets.json'));
    const [first, , reply] = thread(ws, 'zendesk', '101').messages;
    expect(first!.body).toBe('Hello,\n\nmy order #A-20931 arrived today and the kettle lid is cracked.');
    expect(reply!.body).toContain('3–5 days');
    expect(visibleText(ws)).not.toMatch(/<[a-z/]|pixel\.mailtrack|&#39;|&ndash;/i);
    expect(first!.attachments).toEqual([{ name: 'lid.jpg', size: 204811, contentType: 'image/jpeg', url: 'https://acme.zendesk.com/attachments/token/abc/?name=lid.jpg' }]);
  });

  it('keeps vendor metadata (IP, location, order id, addresses) private, never in message text', async () => {
    await importOne(ws, fixture('zendesk', 'tickets.json'));
    const t = thread(ws, 'zendesk', '101');
    expect(t.privateData).toMatchObject({ 'custom_field.360011': 'A-20931', 'customer.email': 'maria.lopez@example.net', 'customer.name': 'Maria Lopez' });
    const priv = messagePrivate(ws, t.id, '5001');
    expect(priv.from).toBe('Maria Lopez <maria.lopez@example.net>');
    expect(JSON.parse(priv.metadata!)).toEqual({ ip_address: '203.0.113.45', location: 'Valencia, VC, Spain', latitude: 39.47, longitude: -0.37, client: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X)' });
    expect(visibleText(ws)).not.toMatch(/203\.0\.113\.45|198\.51\.100\.7|2001:db8|Valencia|Mozilla/);
  });

  it('reads odd but valid times to UTC: fractional seconds, a leap day, an offset', async () => {
    await importOne(ws, fixture('zendesk', 'tickets.json'));
    const t = thread(ws, 'zendesk', '102');
    expect(t.openedAt).toBe('2024-02-29T23:59:59.500Z');
    expect(t.messages.map((m) => m.sentAt).slice(0, 2)).toEqual(['2024-02-29T23:59:59.500Z', '2024-03-01T07:00:00.000Z']);
    expect(t.channel).toBe('0'); // via.channel may be an integer
  });

  it('re-importing creates nothing, from the same file or from the NDJSON of the same tickets', async () => {
    await importOne(ws, fixture('zendesk', 'tickets.json'));
    const again = await importOne(ws, fixture('zendesk', 'tickets.json'));
    expect(again).toMatchObject({ threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0, internalNotes: 0, rejected: [] });
    const ndjson = await importOne(ws, fixture('zendesk', 'tickets.ndjson'));
    expect(ndjson).toMatchObject({ format: 'zendesk', threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0 });
    expect(counts(ws)).toEqual({ threads: 3, messages: 10 });
  });
});

describe('zendesk: the other layouts', () => {
  it('reads NDJSON of tickets as a stream, with the same result', async () => {
    const report = await importOne(ws, fixture('zendesk', 'tickets.ndjson'));
    expect(report).toMatchObject({ format: 'zendesk', threadsCreated: 3, messagesCreated: 10, internalNotes: 2, rejected: [] });
    // Without sideloaded users, roles come from requester_id and names from the e-mail envelope.
    expect(thread(ws, 'zendesk', '101').messages.map((m) => m.role)).toEqual(['customer', 'staff', 'staff', 'customer', 'customer']);
  });

  it('reads one {"ticket": {...}, "comments": [...]}', async () => {
    const report = await importOne(ws, fixture('zendesk', 'ticket-single.json'));
    expect(report).toMatchObject({ threadsCreated: 1, messagesCreated: 3, internalNotes: 1, rejected: [] });
    const t = thread(ws, 'zendesk', '104');
    expect(t.messages[0]!.body).toBe('I was charged twice.');
    expect(t.openedAt).toBe('2024-04-01T08:00:00.123Z');
    expect(t.status).toBe('open'); // pending is still open
  });

  it('joins a tickets export and a comments file keyed by ticket id (--comments)', async () => {
    const [report] = await runImport(ws, [fixture('zendesk', 'incremental-tickets.json')], { companions: [fixture('zendesk', 'comments-by-ticket.json')] });
    expect(report).toMatchObject({ format: 'zendesk', threadsCreated: 3, messagesCreated: 10, internalNotes: 2, rejected: [] });
    expect(thread(ws, 'zendesk', '101').messages.map((m) => m.visibility)).toEqual(['public', 'internal', 'public', 'public', 'public']);
  });

  it('joins comments from incremental ticket events (child_events of type Comment)', async () => {
    const [report] = await runImport(ws, [fixture('zendesk', 'incremental-tickets.json')], { companions: [fixture('zendesk', 'ticket-events.ndjson')] });
    expect(report).toMatchObject({ threadsCreated: 3, messagesCreated: 10, internalNotes: 2, rejected: [] });
    expect(thread(ws, 'zendesk', '102').messages[1]).toMatchObject({ role: 'staff', visibility: 'internal', sentAt: '2024-03-01T07:00:00.000Z' });
  });

  it('without comments, a ticket keeps its description as the first message', async () => {
    const report = await importOne(ws, fixture('zendesk', 'incremental-tickets.json'));
    expect(report).toMatchObject({ threadsCreated: 3, messagesCreated: 5, internalNotes: 0, rejected: [] });
    expect(thread(ws, 'zendesk', '102').messages[0]).toMatchObject({ role: 'customer', body: "Tracking has said 'out for delivery' for four days." });
  });

  it('a comments file given on its own says to import it with the tickets', async () => {
    await expect(runImport(ws, [fixture('zendesk', 'comments-by-ticket.json')])).rejects.toThrow(/holds Zendesk ticket comments, not tickets.*together with the tickets/);
    expect(counts(ws)).toEqual({ threads: 0, messages: 0 });
  });

  it('--comments beside files of another vendor is an error, never passed over', async () => {
    const err = await runImport(ws, [fixture('google', 'reviews.json')], { companions: [fixture('zendesk', 'comments-by-ticket.json')] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CandorError);
    expect((err as CandorError).code).toBe('COMPANION_FILE');
    const notCompanion = await runImport(ws, [fixture('zendesk', 'tickets.json')], { companions: [fixture('google', 'reviews.json')] }).catch((e: unknown) => e);
    expect((notCompanion as CandorError).message).toMatch(/cannot be used/);
    expect(counts(ws)).toEqual({ threads: 0, messages: 0 });
  });

  it('comments for a ticket that is not in the import are reported, not dropped (exit 3)', async () => {
    const [report] = await runImport(ws, [fixture('zendesk', 'ticket-single.json')], { companions: [fixture('zendesk', 'comments-by-ticket.json')] });
    expect(report!.rejected.map((r) => r.reason).join('\n')).toMatch(/comments? for ticket 101, which is not in the tickets imported/);
  });
});

describe('zendesk: bad records', () => {
  it('reports each bad line with its number and imports the rest', async () => {
    const report = await importOne(ws, fixture('zendesk', 'tickets-bad.ndjson'), { format: 'zendesk' });
    expect(report.threadsCreated).toBe(1);
    expect(report.rejected.map((r) => r.location)).toEqual([
      'tickets-bad.ndjson line 2',
      'tickets-bad.ndjson line 3',
      'tickets-bad.ndjson line 4',
      'tickets-bad.ndjson line 5',
    ]);
    expect(report.rejected[0]!.reason).toMatch(/not valid JSON/);
    expect(report.rejected[1]!.reason).toMatch(/created_at: "2023-02-30T10:00:00Z" is not a real date/);
    expect(report.rejected[2]!.reason).toMatch(/not a Zendesk ticket/);
    expect(report.rejected[3]!.reason).toMatch(/no comments and no description/);
    expect(threadsOf(ws, 'zendesk').map((t) => t.externalId)).toEqual(['201']);
  });
});
