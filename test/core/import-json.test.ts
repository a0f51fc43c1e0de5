import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandorError } from '../../electron/core/errors.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { getThread, searchThreads } from '../../electron/core/store/threads.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import { threadId } from '../../electron/core/store/ids.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { jsonl, makeThreads, BLNS, tempDir, tempWorkspace, writeTemp } from '../helpers/workspace.ts';
import type { ThreadRec } from '../helpers/workspace.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

let ws: Workspace;
let dir: string;
const cleanups: (() => void)[] = [];
beforeEach(() => {
  const w = tempWorkspace();
  ws = w.ws;
  const t = tempDir();
  dir = t.dir;
  cleanups.push(w.cleanup, t.cleanup);
});
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function counts() {
  const n = (sql: string) => (ws.db.prepare(sql).get() as { n: number }).n;
  return { threads: n('SELECT count(*) AS n FROM threads'), messages: n('SELECT count(*) AS n FROM messages'), audit: n('SELECT count(*) AS n FROM audit_log') };
}

async function fatal(paths: string[]): Promise<CandorError> {
  try {
    await runImport(ws, paths);
  } catch (err) {
    if (err instanceof CandorError) return err;
    throw err;
  }
  throw new Error('expected a fatal import error');
}

describe('importing Candor JSON', () => {
  it('imports a {"threads":[...]} document and a JSON Lines file with the same result', async () => {
    const threads = makeThreads(5);
    const [doc] = await runImport(ws, [writeTemp(dir, 'a.json', JSON.stringify({ threads }, null, 2))]);
    expect(doc).toMatchObject({ format: 'json', threadsCreated: 5, threadsUpdated: 0, messagesCreated: 15, internalNotes: 5, rejected: [] });
    const [lines] = await runImport(ws, [writeTemp(dir, 'b.jsonl', jsonl(threads))]);
    expect(lines).toMatchObject({ threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0, rejected: [] });
  });

  it('keeps internal notes internal and customer details private', async () => {
    await runImport(ws, [writeTemp(dir, 'a.jsonl', jsonl(makeThreads(1)))]);
    const t = getThread(ws.db, 't0')!;
    expect(t.messages.map((m) => m.visibility)).toEqual(['public', 'public', 'internal']);
    expect(t.privateData).toEqual({ 'customer.email': 'c0@example.com', 'customer.location': 'Leeds', 'customer.name': 'Customer 0' });
    // The search index holds public text only: the internal note's words find nothing.
    expect(searchThreads(ws.db, { query: 'flagged VIP' }).total).toBe(0);
    expect(searchThreads(ws.db, { query: 'ships today' }).total).toBe(1);
  });

  it('infers a missing kind and marks it inferred; a given kind is kept as given', async () => {
    const recs: ThreadRec[] = [
      { id: 'low', rating: 1, messages: [{ author: { role: 'customer' }, sent_at: '2026-01-01T00:00:00Z', body: 'ok' }] },
      { id: 'high', rating: 5, messages: [{ author: { role: 'customer' }, sent_at: '2026-01-01T00:00:00Z', body: 'the box was broken but support was great' }] },
      { id: 'words', messages: [{ author: { role: 'customer' }, sent_at: '2026-01-01T00:00:00Z', body: 'It arrived damaged and I want a refund' }] },
      { id: 'ask', messages: [{ author: { role: 'customer' }, sent_at: '2026-01-01T00:00:00Z', body: 'Do you ship to Norway?' }] },
      { id: 'given', kind: 'suggestion', rating: 1, messages: [{ author: { role: 'customer' }, sent_at: '2026-01-01T00:00:00Z', body: 'Add dark mode' }] },
    ];
    await runImport(ws, [writeTemp(dir, 'k.jsonl', jsonl(recs))]);
    const kind = (id: string) => { const t = getThread(ws.db, id)!; return [t.kind, t.kindInferred]; };
    expect(kind('low')).toEqual(['complaint', true]);
    expect(kind('high')).toEqual(['praise', true]);
    expect(kind('words')).toEqual(['complaint', true]);
    expect(kind('ask')).toEqual(['question', true]);
    expect(kind('given')).toEqual(['suggestion', false]);
  });

  it('re-import appends new messages and updates fields, keeping decisions, manual tags and history', async () => {
    const v1 = makeThreads(2);
    await runImport(ws, [writeTemp(dir, 'v1.jsonl', jsonl(v1))]);
    decideCurated(ws, { ids: ['t0'] }, { decision: 'withhold', reason: 'legal', note: 'ask counsel' }, PUBLISH_GUARDS);
    const rowid = (ws.db.prepare('SELECT rowid FROM threads WHERE id = ?').get(threadId('candor', 't0')) as { rowid: number }).rowid;
    ws.db.prepare("INSERT INTO thread_tags (thread_rowid, tag, origin) VALUES (?, 'vip', 'manual')").run(rowid);

    const v2 = structuredClone(v1);
    v2[0]!.status = 'resolved';
    v2[0]!.subject = 'Late delivery (resolved)';
    v2[0]!.tags = ['delivery', 'courier'];
    v2[0]!.messages.push({ id: 't0-4', author: { role: 'customer' }, sent_at: '2026-03-05T09:00:00Z', body: 'Got it, thanks!' });
    const [report] = await runImport(ws, [writeTemp(dir, 'v2.jsonl', jsonl(v2))]);
    expect(report).toMatchObject({ threadsCreated: 0, threadsUpdated: 1, messagesCreated: 1 });

    const t = getThread(ws.db, 't0')!;
    expect(t.status).toBe('resolved');
    expect(t.subject).toBe('Late delivery (resolved)');
    expect(t.messages).toHaveLength(4);
    expect(t.messages.at(-1)!.body).toBe('Got it, thanks!');
    expect(t.decision).toBe('withhold');
    expect(t.decisionReason).toBe('legal');
    expect(t.tags).toEqual(['courier', 'delivery', 'vip']);
    const actions = listAudit(ws.db, { entityId: t.id }).map((e) => e.action);
    expect(actions).toEqual(['thread.import', 'thread.decide', 'thread.reimport']);
  });

  it('a message without an id is recognised on re-import by its content', async () => {
    const rec = { id: 'x', messages: [{ author: { role: 'customer' }, sent_at: '2026-01-01T00:00:00Z', body: 'no id here' }] };
    await runImport(ws, [writeTemp(dir, 'x.jsonl', jsonl([rec]))]);
    const [again] = await runImport(ws, [writeTemp(dir, 'y.jsonl', jsonl([rec]))]);
    expect(again).toMatchObject({ threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0 });
  });
});

describe('bad input names the file and record, and loses nothing already stored', () => {
  beforeEach(async () => {
    await runImport(ws, [writeTemp(dir, 'base.jsonl', jsonl(makeThreads(3, 'base')))]);
  });

  const badRecords: [string, string, RegExp][] = [
    ['wrong types', '{"id":"w","rating":"five","messages":[{"author":{"role":"customer"},"sent_at":"2026-01-01T00:00:00Z","body":"x"}]}', /rating/],
    ['missing id', '{"messages":[{"author":{"role":"customer"},"sent_at":"2026-01-01T00:00:00Z","body":"x"}]}', /id/],
    ['unknown enum', '{"id":"e","kind":"rant","messages":[{"author":{"role":"customer"},"sent_at":"2026-01-01T00:00:00Z","body":"x"}]}', /kind/],
    ['unknown role', '{"id":"r","messages":[{"author":{"role":"robot"},"sent_at":"2026-01-01T00:00:00Z","body":"x"}]}', /role/],
    ['impossible date', '{"id":"d","messages":[{"author":{"role":"customer"},"sent_at":"2026-02-30T10:00:00Z","body":"x"}]}', /not a real date/],
    ['no messages', '{"id":"n","messages":[]}', /at least one message/],
    ['malformed line', '{"id":"m", "messages": [', /not valid JSON/],
  ];

  it.each(badRecords)('%s: rejected with its line, the good records around it imported', async (_name, bad, why) => {
    const good1 = JSON.stringify(makeThreads(1, 'g')[0]);
    const good2 = JSON.stringify(makeThreads(1, 'h')[0]);
    const path = writeTemp(dir, 'bad.jsonl', `${good1}\n${bad}\n${good2}\n`);
    const [r] = await runImport(ws, [path]);
    expect(r!.threadsCreated).toBe(2);
    expect(r!.rejected).toHaveLength(1);
    expect(r!.rejected[0]!.location).toBe('bad.jsonl line 2');
    expect(r!.rejected[0]!.reason).toMatch(why);
    expect(counts().threads).toBe(5);
  });

  it('duplicate ids within a file: the second is rejected, naming where the first was', async () => {
    const t = makeThreads(1, 'dup')[0]!;
    const [r] = await runImport(ws, [writeTemp(dir, 'd.json', JSON.stringify({ threads: [t, t] }))]);
    expect(r!.rejected).toEqual([{ location: 'd.json record 2', reason: 'duplicate thread id "dup0" (first seen at record 1)' }]);
  });

  it('a truncated JSON Lines file: the complete records import, the cut one is reported', async () => {
    const text = jsonl(makeThreads(4, 'tr'));
    const [r] = await runImport(ws, [writeTemp(dir, 'cut.jsonl', text.slice(0, text.length - 40))]);
    expect(r!.threadsCreated).toBe(3);
    expect(r!.rejected).toHaveLength(1);
    expect(r!.rejected[0]!.location).toBe('cut.jsonl line 4');
  });

  const fatalCases: [string, string | Uint8Array, RegExp][] = [
    ['malformed JSON document', '{"threads": [ {"id": "a", }\n]}', /bad\.json line 1: not valid JSON/],
    ['zero-byte file', '', /empty/],
    ['whitespace-only file', '  \n\n ', /bad\.json/],
    ['binary garbage', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /cannot tell what this file is/],
    ['a JSON document of the wrong shape', '{"customers": []}', /bad\.json/],
  ];

  it.each(fatalCases)('%s: a fatal error naming the file, and nothing changes', async (_name, content, why) => {
    const before = counts();
    const err = await fatal([writeTemp(dir, 'bad.json', content)]);
    expect(err.message).toMatch(why);
    expect(counts()).toEqual(before);
  });

  it('a fatal error in the second file rolls back the first file of the same import', async () => {
    const before = counts();
    const good = writeTemp(dir, 'good.jsonl', jsonl(makeThreads(2, 'ok')));
    const bad = writeTemp(dir, 'bad.json', '{"threads": [');
    await fatal([good, bad]);
    expect(counts()).toEqual(before);
  });
});

describe('the Big List of Naughty Strings survives import and comes back byte-exact', () => {
  it('as subjects, bodies, author names, customer names and tags', async () => {
    const blns = BLNS;
    const records = blns.map((s, i) => ({
      id: `blns-${i}`,
      subject: s,
      tags: s.trim() ? [s] : [],
      customer: { name: s },
      messages: [{ id: 'm', author: { role: 'customer', name: s }, sent_at: '2026-01-01T00:00:00Z', body: s }],
    }));
    const [r] = await runImport(ws, [writeTemp(dir, 'blns.jsonl', jsonl(records))]);
    expect(r!.rejected).toEqual([]);
    expect(r!.threadsCreated).toBe(blns.length);
    for (let i = 0; i < blns.length; i++) {
      const t = getThread(ws.db, `blns-${i}`)!;
      expect(t.subject).toBe(blns[i]);
      expect(t.messages[0]!.body).toBe(blns[i]);
      expect(t.messages[0]!.authorName).toBe(blns[i]);
      if (blns[i]) expect(t.privateData['customer.name']).toBe(blns[i]);
    }
    // Every string is also searchable without breaking the full-text query parser.
    for (const s of blns) expect(() => searchThreads(ws.db, { query: s })).not.toThrow();
  });
});

describe('re-import and private data', () => {
  it('a changed customer name marks the thread changed (so its personal-data scan is redone), without showing the name in the audit log', async () => {
    const v1 = makeThreads(1, 'pd');
    await runImport(ws, [writeTemp(dir, 'p1.jsonl', jsonl(v1))]);
    const updatedAt = (id: string) => (ws.db.prepare('SELECT updated_at AS u FROM threads WHERE id = ?').get(id) as { u: string }).u;
    const before = updatedAt(getThread(ws.db, 'pd0')!.id);
    const v2 = structuredClone(v1);
    v2[0]!.customer = { ...v2[0]!.customer, name: 'Zoë Quinlan-Marsh' };
    await new Promise((r) => setTimeout(r, 5));
    const [r] = await runImport(ws, [writeTemp(dir, 'p2.jsonl', jsonl(v2))]);
    expect(r).toMatchObject({ threadsCreated: 0, threadsUpdated: 1, messagesCreated: 0 });
    const after = getThread(ws.db, 'pd0')!;
    expect(after.privateData['customer.name']).toBe('Zoë Quinlan-Marsh');
    expect(updatedAt(after.id) > before).toBe(true);
    const entries = listAudit(ws.db, { entityId: after.id });
    expect(JSON.stringify(entries)).not.toContain('Zoë');
  });

  it('--to with a bare date includes the whole of that day', async () => {
    await runImport(ws, [writeTemp(dir, 'd.jsonl', jsonl(makeThreads(3, 'day')))]);
    // makeThreads opens thread i on 2026-03-(i+1) at 09:00 UTC.
    expect(searchThreads(ws.db, { to: '2026-03-02' }).total).toBe(2);
    expect(searchThreads(ws.db, { from: '2026-03-02', to: '2026-03-02' }).total).toBe(1);
  });
});
