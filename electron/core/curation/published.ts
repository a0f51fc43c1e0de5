import type { DatabaseSync } from 'node:sqlite';
import { resolveThreadRowid } from '../store/threads.ts';
import type { PublishedThread } from '../../shared/curation/model.ts';
import type { NamingPolicy } from './pseudonym.ts';
import { MAX_BATCH, publicViews } from './public-view.ts';
import type { InMemoryScans, ViewRulesData } from './public-view.ts';
import { isReadOnlyError, makeScanner, refreshScans, scanInMemory, staleRowids } from './scan.ts';
import { namingInLanguage, namingPolicy, readSettings } from './settings.ts';
import type { NamingWords } from './settings.ts';
import { detectText } from './pii/detect.ts';
import { EMPTY_CONTEXT } from './pii/context.ts';
import { memoize } from '../memo.ts';

type HasDb = { db: DatabaseSync };
const BATCH = 500;

/** Topic names are the workspace's own words, but they become page names too: one holding personal data is dropped. */
const topicIsSafe = memoize((topic: string): boolean => detectText(topic, EMPTY_CONTEXT, 'topic').length === 0);

/**
 * Brings the batch's scans up to date. A read-only connection (a site build's render worker) cannot store them:
 * then the stale threads are scanned in memory for this view, so personal data is never published unscanned.
 */
function freshScans(db: DatabaseSync, rowids: readonly number[]): InMemoryScans | null {
  try {
    refreshScans(db, { rowids });
    return null;
  } catch (err) {
    if (!isReadOnlyError(err)) throw err;
    const scanner = makeScanner(readSettings(db));
    return scanInMemory(db, staleRowids(db, rowids, scanner), scanner);
  }
}

/** The public views of a batch of threads. The scans are refreshed first, unless the caller vouches for them. */
function buildBatch(db: DatabaseSync, rowids: readonly number[], policy: NamingPolicy, scansChecked = false): PublishedThread[] {
  if (rowids.length === 0) return [];
  const inMemory = scansChecked ? null : freshScans(db, rowids);
  return publicViews(db, rowids, { policy, topicSafe: topicIsSafe }, inMemory);
}

/**
 * Exactly what the public site shows of one thread, whatever its decision (the app previews pending threads with
 * it): public messages only, personal data removed by the curation rules, pseudonyms, no private metadata.
 * Null when there is no such thread.
 */
export function publishedThread(ws: HasDb, ref: string): PublishedThread | null {
  const rowid = resolveThreadRowid(ws.db, ref);
  if (rowid === null) return null;
  return buildBatch(ws.db, [rowid], namingPolicy(readSettings(ws.db)))[0] ?? null;
}

export type PublishedThreadsOptions = {
  /** Only these threads (Candor ids or source:external-id), in this order; default: every published thread. */
  ids?: Iterable<string>;
  /** Only these threads, by rowid, in this order (the site builder's render workers: no id look-ups). */
  rowids?: readonly number[];
  /**
   * The caller has checked that every thread's scan is current (scansCurrent) and that the workspace is still in
   * that state when it is done (the site builder compares the audit log's position at the end): the per-batch
   * check is skipped. Anyone else leaves this off.
   */
  scansChecked?: boolean;
  /** Skip threads whose decision is not publish (default true). Set false only for previews. */
  onlyPublished?: boolean;
  batchSize?: number;
  /** The site's words for people in its language, used where the workspace kept the English default labels. */
  naming?: NamingWords;
};

/** Streams public views in batches: the site builder walks 100k threads without holding them all in memory. */
export function* publishedThreads(ws: HasDb, options: PublishedThreadsOptions = {}): Generator<PublishedThread> {
  const db = ws.db;
  const stored = namingPolicy(readSettings(db));
  const policy = options.naming ? namingInLanguage(stored, options.naming) : stored;
  const onlyPublished = options.onlyPublished ?? true;
  const size = Math.max(1, Math.min(options.batchSize ?? BATCH, MAX_BATCH));
  let rowids: Iterable<number>;
  if (options.rowids !== undefined) rowids = options.rowids;
  else if (options.ids === undefined) {
    const where = onlyPublished ? "WHERE decision = 'publish'" : '';
    rowids = (db.prepare(`SELECT rowid FROM threads ${where} ORDER BY opened_at, rowid`).all() as { rowid: number }[]).map((r) => r.rowid);
  } else {
    const ids = options.ids;
    rowids = (function* () {
      for (const ref of ids) {
        const r = resolveThreadRowid(db, ref);
        if (r !== null) yield r;
      }
    })();
  }
  let batch: number[] = [];
  const flush = function* (): Generator<PublishedThread> {
    for (const t of buildBatch(db, batch, policy, options.scansChecked)) if (!onlyPublished || t.decision === 'publish') yield t;
    batch = [];
  };
  for (const rowid of rowids) {
    batch.push(rowid);
    if (batch.length >= size) yield* flush();
  }
  if (batch.length) yield* flush();
}

/**
 * Every topic name the rules gave any thread, and whether it may be shown (none holding personal data): `known`
 * verdicts are taken as they are (a site build keeps them for names it checked), the others are checked now.
 */
export function ruleTopicVerdicts(ws: HasDb, known: ReadonlyMap<string, boolean> = new Map()): Map<string, boolean> {
  const names = (ws.db.prepare("SELECT DISTINCT tag FROM thread_tags WHERE origin = 'rule' ORDER BY tag").all() as { tag: string }[]).map((r) => r.tag);
  return new Map(names.map((name) => [name, known.get(name) ?? topicIsSafe(name)]));
}

/**
 * How a site shows threads, for readers that run no detector (a build's render workers, which read threads whose
 * scans the builder checked): the naming policy in the site's language, and the topic names that may be shown.
 */
export function siteViewRules(ws: HasDb, naming?: NamingWords, topics: ReadonlyMap<string, boolean> = ruleTopicVerdicts(ws)): ViewRulesData {
  const stored = namingPolicy(readSettings(ws.db));
  return { policy: naming ? namingInLanguage(stored, naming) : stored, safeTopics: [...topics].filter(([, safe]) => safe).map(([name]) => name) };
}
