import { describe, expect, it } from 'vitest';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';
import { PublishedThread } from '../../electron/shared/curation/model.ts';
import { openThread } from '../../electron/core/site/open-data/threads.ts';
import { topicNames } from '../../electron/core/site/topics.ts';
import { threadPageHash } from '../../electron/core/site/render/thread-key.ts';

// A thread page's key serialises the thread's texts once (inside its open-data row) and the other fields on top. It
// must tell two threads apart exactly when serialising the whole thread does (the slow path it replaces): else a
// rebuild would keep a page whose thread changed. Checked on real text, with every field of the schema changed.

const texts = [...realStrings(), ...naughtyStrings()];

/** Threads made of real texts: subjects, bodies, authors, tags and topics taken in turn from the list. */
function threads(n: number): PublishedThread[] {
  let at = 0;
  const next = (): string => texts[at++ % texts.length]!;
  return Array.from({ length: n }, (_, i) => PublishedThread.parse({
    id: `t-${i}`, source: i % 2 ? 'zendesk' : 'email', kind: 'complaint', subject: i % 5 ? next() : null, rating: i % 3 ? i % 5 : null,
    status: 'resolved', openedAt: '2026-01-02T03:04:05Z', resolvedAt: i % 4 ? '2026-01-03T00:00:00Z' : null, lastActivityAt: '2026-01-03T00:00:00Z',
    tags: i % 2 ? [next()] : [], topics: i % 3 ? [next()] : [], customer: next(), decision: 'publish',
    messages: Array.from({ length: 1 + (i % 3) }, (_, k) => ({ id: `m-${i}-${k}`, role: k % 2 ? 'staff' : 'customer', author: next(), sentAt: '2026-01-02T03:04:05Z', body: next(), format: k % 2 ? 'markdown' : 'text' })),
  }));
}

const key = (t: PublishedThread): string => threadPageHash('fp', t, JSON.stringify(openThread(t, topicNames(t))));

/** Every way to change one field of the thread or of one of its messages, as a new thread. */
function changes(t: PublishedThread): { what: string; thread: PublishedThread }[] {
  const alter = (v: unknown): unknown => (typeof v === 'string' ? `${v}x` : typeof v === 'number' ? v + 1 : v === null ? 'x' : Array.isArray(v) ? [...v, 'x'] : v);
  const out: { what: string; thread: PublishedThread }[] = [];
  for (const field of Object.keys(PublishedThread.shape) as (keyof PublishedThread)[]) {
    if (field === 'messages') continue;
    out.push({ what: field, thread: { ...t, [field]: alter(t[field]) } as PublishedThread });
  }
  t.messages.forEach((m, i) => {
    for (const field of Object.keys(PublishedThread.shape.messages.element.shape) as (keyof typeof m)[]) {
      out.push({ what: `messages[${i}].${field}`, thread: { ...t, messages: t.messages.map((x, j) => (j === i ? { ...x, [field]: alter(x[field]) } : x)) } });
    }
  });
  out.push({ what: 'one message more', thread: { ...t, messages: [...t.messages, t.messages[0]!] } });
  out.push({ what: 'messages swapped', thread: { ...t, messages: [...t.messages].reverse() } });
  return out;
}

describe('a thread page\'s key', () => {
  it('changes with every field of the thread and of each message, as the whole thread\'s JSON does', () => {
    const list = threads(300);
    expect(texts.length).toBeGreaterThan(1000);
    for (const t of list) {
      const base = key(t);
      expect(key(structuredClone(t))).toBe(base);
      for (const c of changes(t)) {
        const same = JSON.stringify(c.thread) === JSON.stringify(t);
        expect(key(c.thread) === base, `${t.id}: ${c.what}`).toBe(same);
      }
    }
  });

  it('tells apart different threads of real text and only those', () => {
    const list = threads(2000);
    const byKey = new Map<string, string>();
    for (const t of list) {
      const json = JSON.stringify(t);
      const k = key(t);
      const seen = byKey.get(k);
      if (seen !== undefined) expect(seen).toBe(json);
      byKey.set(k, json);
    }
    expect(new Set(list.map((t) => JSON.stringify(t))).size).toBe(byKey.size);
  });
});
