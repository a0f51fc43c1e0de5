import { claimPath, threadUrl } from './pages.ts';
import { englishText } from './i18n.ts';
import type { SiteText } from './i18n.ts';
import { isErasedRef } from './publication-log.ts';
import type { LogEntry } from './publication-log.ts';

// The publication log page's values: newest entry first, each with what it added, updated and withdrawn (with the
// reason), and the claims it added, revised, retired or withdrew. Long lists are cut on the page; data/changes.json
// holds every item.

const SHOWN = 100;

type Item = { id: string; url: string | null; note: string | null };
type Group = { label: string; count: number; items: Item[]; more: number };

function group(label: string, items: Item[]): Group | null {
  if (items.length === 0) return null;
  return { label, count: items.length, items: items.slice(0, SHOWN), more: Math.max(0, items.length - SHOWN) };
}

export function changesView(entries: readonly LogEntry[], published: ReadonlySet<string>, tx: SiteText = englishText()): Record<string, unknown>[] {
  // An erased conversation is shown as such: its id left the history with it.
  const thread = (id: string, note: string | null = null): Item => (isErasedRef(id) ? { id: tx.text('changes.erased'), url: null, note } : { id, url: published.has(id) ? threadUrl(id) : null, note });
  return [...entries].reverse().map((e) => {
    const claimItem = (c: { id: string; title: string; revision: number | null }): Item => ({ id: c.title, url: claimPath(c.id), note: c.revision === null ? null : tx.text('changes.revision', { n: c.revision }) });
    const g = (key: string, items: Item[]) => group(tx.text(`changes.${key}`, { n: items.length }), items);
    const groups = [
      g('threadsAdded', e.threads.added.map((id) => thread(id))),
      g('threadsUpdated', e.threads.updated.map((id) => thread(id))),
      g('threadsWithdrawn', e.threads.withdrawn.map((w) => ({ ...thread(w.id, tx.has(`reason.${w.reason}.label`) ? tx.text(`reason.${w.reason}.label`) : w.reason_label), url: null }))),
      g('claimsAdded', e.claims.added.map(claimItem)),
      g('claimsRevised', e.claims.revised.map(claimItem)),
      g('claimsRetired', e.claims.retired.map(claimItem)),
      g('claimsWithdrawn', e.claims.withdrawn.map((c) => ({ id: c.title, url: null, note: null }))),
    ].filter((x): x is Group => x !== null);
    return {
      seq: e.seq, date: e.date, groups,
      withdrawn: e.threads.withdrawn.length,
      published: tx.text('changes.publishedAfter', { threads: e.published.threads, claims: e.published.claims }),
      previousEntry: e.previous_entry, previousManifest: e.previous_manifest,
    };
  });
}
