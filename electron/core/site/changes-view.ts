import { claimPath, threadUrl } from './pages.ts';
import { plural } from './plurals.ts';
import { isErasedRef } from './publication-log.ts';
import type { LogEntry } from './publication-log.ts';

// The publication log page's values: newest entry first, each with what it added, updated and withdrawn (with the
// reason), and the claims it added, revised, retired or withdrew. Long lists are cut on the page; data/changes.json
// holds every item.

const SHOWN = 100;

type Item = { id: string; url: string | null; note: string | null };
type Group = { label: string; count: number; items: Item[]; more: number };

function group(label: { one: string; other: string }, items: Item[]): Group | null {
  if (items.length === 0) return null;
  return { label: plural(items.length, label), count: items.length, items: items.slice(0, SHOWN), more: Math.max(0, items.length - SHOWN) };
}

export function changesView(entries: readonly LogEntry[], published: ReadonlySet<string>): Record<string, unknown>[] {
  // An erased conversation is shown as such: its id left the history with it.
  const thread = (id: string, note: string | null = null): Item => (isErasedRef(id) ? { id: 'erased', url: null, note } : { id, url: published.has(id) ? threadUrl(id) : null, note });
  return [...entries].reverse().map((e) => {
    const claimItem = (c: { id: string; title: string; revision: number | null }): Item => ({ id: c.title, url: claimPath(c.id), note: c.revision === null ? null : `revision ${c.revision}` });
    const groups = [
      group({ one: 'conversation added', other: 'conversations added' }, e.threads.added.map((id) => thread(id))),
      group({ one: 'conversation updated', other: 'conversations updated' }, e.threads.updated.map((id) => thread(id))),
      group({ one: 'conversation withdrawn after publication', other: 'conversations withdrawn after publication' }, e.threads.withdrawn.map((w) => ({ ...thread(w.id, w.reason_label), url: null }))),
      group({ one: 'claim added', other: 'claims added' }, e.claims.added.map(claimItem)),
      group({ one: 'claim revised', other: 'claims revised' }, e.claims.revised.map(claimItem)),
      group({ one: 'claim retired', other: 'claims retired' }, e.claims.retired.map(claimItem)),
      group({ one: 'claim withdrawn', other: 'claims withdrawn' }, e.claims.withdrawn.map((c) => ({ id: c.title, url: null, note: null }))),
    ].filter((g): g is Group => g !== null);
    return {
      seq: e.seq, date: e.date, groups,
      withdrawn: e.threads.withdrawn.length,
      published: `${plural(e.published.threads, { one: 'conversation', other: 'conversations' })} and ${plural(e.published.claims, { one: 'claim', other: 'claims' })} published after this build`,
      previousEntry: e.previous_entry, previousManifest: e.previous_manifest,
    };
  });
}
