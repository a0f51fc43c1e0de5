import type { DatabaseSync } from 'node:sqlite';
import { publishedViews, viewRules } from '../curation/public-view.ts';
import type { ViewRulesData } from '../curation/public-view.ts';
import { claimPath } from './pages.ts';
import { englishText } from './i18n.ts';
import type { SiteText } from './i18n.ts';
import { isErasedRef } from './publication-log.ts';
import type { LogEntry } from './publication-log.ts';
import type { ThreadKey } from './site-data.ts';
import { summarizeKnown } from './thread-views.ts';
import { knownLanguages } from './text-languages.ts';

// The publication log page's values: newest entry first, each with what it added, updated and withdrawn (with the
// reason), and the claims it added, revised, retired or withdrew. Long lists are cut on the page; data/changes.json
// holds every item. A conversation is named as a reader knows it: by its published title, linked to its page; one
// not published now by what it is ("a withheld conversation"), never by its subject or its internal id.

const SHOWN = 100;

/** A conversation published now, as the log names it: its published title, its language and its page. */
export type LoggedThread = { title: string; lang: string | null; url: string };

type Item = { title: string; url: string | null; lang: string | null; note: string | null };
type Group = { label: string; count: number; items: Item[]; more: number };

/** A group of the page: the first SHOWN of `all`, made into items (the first entry of a big site adds 100,000). */
function group<T>(label: (count: number) => string, all: readonly T[], item: (x: T) => Item): Group | null {
  if (all.length === 0) return null;
  return { label: label(all.length), count: all.length, items: all.slice(0, SHOWN).map(item), more: Math.max(0, all.length - SHOWN) };
}

/** The conversations the page shows (the first SHOWN of each list) that are published now, by id; `view` as the build shows threads. */
export function loggedThreads(db: DatabaseSync, entries: readonly LogEntry[], published: readonly ThreadKey[], tx: SiteText, view: ViewRulesData): Map<string, LoggedThread> {
  const shown = new Set<string>();
  for (const e of entries) {
    for (const ids of [e.threads.added, e.threads.updated, e.threads.withdrawn.map((w) => w.id)]) for (const id of ids.slice(0, SHOWN)) shown.add(id);
  }
  const keys = published.filter((k) => shown.has(k.id));
  const rowids = keys.map((k) => k.rowid);
  const out = new Map<string, LoggedThread>();
  // The published view (redactions applied), as the conversation's own page shows it.
  const threads = publishedViews(db, rowids, viewRules(view), 200);
  for (const s of summarizeKnown(threads, knownLanguages(db, rowids), new Map(keys.map((k) => [k.id, k.rowid])), tx)) {
    out.set(s.id, { title: s.subject, lang: s.lang, url: s.url });
  }
  return out;
}

export function changesView(entries: readonly LogEntry[], published: ReadonlyMap<string, LoggedThread>, tx: SiteText = englishText()): Record<string, unknown>[] {
  const thread = (id: string, note: string | null = null): Item => {
    // An erased conversation is shown as such: its id left the history with it.
    if (isErasedRef(id)) return { title: tx.text('changes.erased'), url: null, lang: null, note };
    const now = published.get(id);
    return now ? { title: now.title, url: now.url, lang: now.lang, note } : { title: tx.text('changes.withheld'), url: null, lang: null, note };
  };
  return [...entries].reverse().map((e) => {
    const claimItem = (c: { id: string; title: string; revision: number | null }): Item => ({ title: c.title, url: claimPath(c.id), lang: null, note: c.revision === null ? null : tx.text('changes.revision', { n: c.revision }) });
    const g = <T>(key: string, all: readonly T[], item: (x: T) => Item) => group((n) => tx.text(`changes.${key}`, { n }), all, item);
    const groups = [
      g('threadsAdded', e.threads.added, (id) => thread(id)),
      g('threadsUpdated', e.threads.updated, (id) => thread(id)),
      g('threadsWithdrawn', e.threads.withdrawn, (w) => thread(w.id, tx.has(`reason.${w.reason}.label`) ? tx.text(`reason.${w.reason}.label`) : w.reason_label)),
      g('claimsAdded', e.claims.added, claimItem),
      g('claimsRevised', e.claims.revised, claimItem),
      g('claimsRetired', e.claims.retired, claimItem),
      g('claimsWithdrawn', e.claims.withdrawn, (c) => ({ title: c.title, url: null, lang: null, note: null })),
    ].filter((x): x is Group => x !== null);
    return {
      seq: e.seq, date: e.date, groups,
      withdrawn: e.threads.withdrawn.length,
      published: tx.text('changes.publishedAfter', { threads: e.published.threads, claims: e.published.claims }),
      previousEntry: e.previous_entry, previousManifest: e.previous_manifest,
    };
  });
}
