import { hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { PublishedThread } from '../curation/model.ts';
import { openThreadReader } from './data.ts';
import type { ThreadReader } from './data.ts';
import { reviewJsonLd } from './jsonld.ts';
import { createEngine } from './liquid.ts';
import type { SiteEngine } from './liquid.ts';
import { messageCsvRows, openThread, threadCsvRow } from './open-data.ts';
import { pageMeta } from './pages.ts';
import { sha256, SiteWriter } from './site-writer.ts';
import type { FileInfo } from './site-writer.ts';
import type { PageMeta, SiteGlobals } from './pages.ts';
import { trusted, wellFormed } from './trusted.ts';
import { summarize, threadView } from './views.ts';

// The work that is the same in a render worker and in the main thread: turn published threads into pages, data
// rows and search records, and render list pages. A page whose inputs did not change since the previous build is
// not written at all (the previous site keeps it). Every file written is hashed as it is written.

export type RenderInit = {
  workspaceDir: string;
  roots: string[];
  temp: string;
  previous: string | null;
  fingerprint: string;
  globals: SiteGlobals;
};

export type ThreadItem = { id: string; rowid: number; prevPageHash: string | null; search: boolean };
export type ThreadTask = { type: 'threads'; seq: number; items: ThreadItem[] };
export type SearchRecord = { url: string; content: string; language: string; meta: Record<string, string> };
/**
 * One thread's results. Its rows of the data files and its list item are UTF-8 bytes: views into one buffer per
 * file per chunk, which a worker moves to the builder instead of copying (hundreds of megabytes at 100,000 threads).
 */
export type ThreadOutput = {
  id: string;
  pageHash: string;
  summaryHash: string;
  /** The thread as list pages show it (partials/thread-card), with ROOT_TOKEN where the page's root goes. */
  card: Uint8Array;
  kind: string;
  topics: string[];
  rendered: boolean;
  file: FileInfo;
  json: Uint8Array;
  threadsCsv: Uint8Array;
  messagesCsv: Uint8Array;
  search: SearchRecord | null;
};
export type ThreadResult = { type: 'threads'; seq: number; threads: ThreadOutput[]; missing: string[]; buffers: ArrayBuffer[] };

/**
 * Stands for a page's root in a list item rendered once and used on pages at different depths. Escaping leaves it
 * as it is; it is always replaced before a page is written.
 */
export const ROOT_TOKEN = '\u0001root\u0001';

/** A list page: its items were rendered once per thread (byte ranges in the cards file); the worker puts them in. */
export type ListPage = { path: string; template: string; hash: string; page: PageMeta; list: Record<string, unknown>; cards: [number, number][] };
export type PagesTask = { type: 'pages'; seq: number; cardsFile: string; pages: ListPage[] };
export type PagesResult = { type: 'pages'; seq: number; files: (FileInfo & { hash: string })[] };

export type Task = ThreadTask | PagesTask;
export type TaskResult = ThreadResult | PagesResult;

// crypto.hash: the one-shot form, without a Hash object per call (a build hashes a few hundred thousand small inputs).

/** What a page was made from, as 128 bits of SHA-256 (kept for 100,000 pages in memory and in the build cache). */
export function inputHash(fingerprint: string, kind: string, value: unknown): string {
  return hash('sha256', `${fingerprint}\u0000${kind}\u0000${typeof value === 'string' ? value : JSON.stringify(value)}`, 'hex').slice(0, 32);
}

/** Pagefind reads records as strict JSON: text with a lone surrogate (a broken character) would stop its service. */
export function searchRecord(t: PublishedThread, summary: ReturnType<typeof summarize>): SearchRecord {
  const content = wellFormed([t.subject ?? '', ...t.messages.map((m) => m.body)].join('\n'));
  return {
    url: `/${summary.url}`,
    content,
    language: 'en',
    meta: { title: wellFormed(summary.subject), kind: summary.kindLabel, status: summary.statusLabel, date: summary.openedAt.slice(0, 10) },
  };
}

/** Items closer than this in the cards file are read in one go (a list's items are near each other: site order). */
const CARDS_GAP = 16 << 10;
const CARDS_READ_MAX = 1 << 20;

function readFully(fd: number, buf: Buffer, position: number): void {
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, position + got);
    if (n === 0) throw new Error('The build\'s list items file is shorter than recorded.');
    got += n;
  }
}

/** The list items at these byte ranges of the cards file, in the order asked for, with one read per run of nearby items. */
export function readCards(fd: number, ranges: readonly [number, number][]): string[] {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]![0] - ranges[b]![0]);
  const out = new Array<string>(ranges.length);
  for (let i = 0; i < order.length;) {
    const start = ranges[order[i]!]![0];
    let end = start + ranges[order[i]!]![1];
    let j = i + 1;
    for (; j < order.length; j++) {
      const [offset, length] = ranges[order[j]!]!;
      if (offset - end > CARDS_GAP || offset + length - start > CARDS_READ_MAX) break;
      end = Math.max(end, offset + length);
    }
    const buf = Buffer.allocUnsafe(end - start);
    readFully(fd, buf, start);
    for (let k = i; k < j; k++) {
      const [offset, length] = ranges[order[k]!]!;
      out[order[k]!] = buf.toString('utf8', offset - start, offset - start + length);
    }
    i = j;
  }
  return out;
}

type ThreadRows = { card: string; json: string; threadsCsv: string; messagesCsv: string };
const ROW_FIELDS = ['card', 'json', 'threadsCsv', 'messagesCsv'] as const;
const EMPTY = new Uint8Array(0);

/**
 * A chunk's rows of one kind, encoded as they are made (so the strings die young instead of outliving the chunk
 * and being copied by the garbage collector), then copied into one buffer of their own that can be moved.
 */
class RowBytes {
  private buf = Buffer.allocUnsafeSlow(1 << 20);
  private at = 0;
  private readonly ends: number[] = [];

  reset(): void {
    this.at = 0;
    this.ends.length = 0;
  }

  add(text: string): void {
    const most = text.length * 3;
    if (this.at + most > this.buf.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + most));
      this.buf.copy(next, 0, 0, this.at);
      this.buf = next;
    }
    this.at += this.buf.write(text, this.at, 'utf8');
    this.ends.push(this.at);
  }

  /** The rows in a buffer of their own; each output points at its slice. */
  take(outputs: ThreadOutput[], field: (typeof ROW_FIELDS)[number]): ArrayBuffer {
    const out = Buffer.allocUnsafeSlow(this.at);
    this.buf.copy(out, 0, 0, this.at);
    let start = 0;
    this.ends.forEach((end, i) => {
      outputs[i]![field] = out.subarray(start, end);
      start = end;
    });
    this.reset();
    return out.buffer as ArrayBuffer;
  }
}

/** Threads are read this many at a time within a chunk: fewer of them alive at once, less for the collector to copy. */
const READ_BATCH = 50;

export class RenderContext {
  private readonly init: RenderInit;
  private readonly engine: SiteEngine;
  private readonly writer: SiteWriter;
  private reader: ThreadReader | null = null;
  private readonly rows = ROW_FIELDS.map(() => new RowBytes());

  constructor(init: RenderInit) {
    this.init = init;
    this.engine = createEngine(init.roots);
    this.writer = new SiteWriter(init.temp);
  }

  run(task: Task): TaskResult {
    return task.type === 'threads' ? this.threads(task) : this.pages(task);
  }

  close(): void {
    this.reader?.close();
    this.reader = null;
  }

  private threads(task: ThreadTask): ThreadResult {
    this.reader ??= openThreadReader(this.init.workspaceDir);
    for (const r of this.rows) r.reset();
    const out: ThreadOutput[] = [];
    const missing: string[] = [];
    // Threads come in the order asked for; one no longer published is skipped (and the build stops).
    const items = task.items;
    let at = 0;
    for (const t of this.reader.stream(items.map((x) => x.rowid), READ_BATCH)) {
      while (at < items.length && items[at]!.id !== t.id) missing.push(items[at++]!.id);
      if (at === items.length) break;
      const { output, text } = this.thread(t, items[at++]!);
      out.push(output);
      ROW_FIELDS.forEach((field, f) => this.rows[f]!.add(text[field]));
    }
    while (at < items.length) missing.push(items[at++]!.id);
    const buffers = ROW_FIELDS.map((field, f) => this.rows[f]!.take(out, field));
    return { type: 'threads', seq: task.seq, threads: out, missing, buffers };
  }

  private thread(t: PublishedThread, item: ThreadItem): { output: ThreadOutput; text: ThreadRows } {
    const { globals, fingerprint } = this.init;
    const pageHash = inputHash(fingerprint, 'thread', t);
    const summary = summarize(t);
    const summaryJson = JSON.stringify(summary);
    const path = summary.url;
    let file: FileInfo;
    let rendered = false;
    if (item.prevPageHash === pageHash && this.init.previous) {
      // Unchanged: the previous site's file stays where it is.
      file = { path, sha256: '', size: -1 };
    } else {
      const view = threadView(t, summary);
      const jsonLd = reviewJsonLd(t, globals.name, globals.url, globals.baseUrl ? `${globals.baseUrl}${path}` : null);
      const page = pageMeta(globals, path, 'conversations', summary.subject, `${summary.kindLabel} from ${summary.customer}, ${summary.statusLabel.toLowerCase()}: ${summary.excerpt}`, { jsonLd });
      const html = this.engine.render('pages/thread', { site: globals, page, thread: view });
      file = this.writer.write(path, html);
      rendered = true;
    }
    const topics = summary.topics.map((x) => x.name);
    const open = openThread(t, topics);
    const card = this.engine.render('partials/thread-card', { site: globals, t: summary, root: ROOT_TOKEN });
    const output: ThreadOutput = {
      id: t.id,
      pageHash,
      summaryHash: sha256(summaryJson).slice(0, 32),
      card: EMPTY,
      kind: t.kind,
      topics,
      rendered,
      file,
      json: EMPTY,
      threadsCsv: EMPTY,
      messagesCsv: EMPTY,
      search: item.search ? searchRecord(t, summary) : null,
    };
    return { output, text: { card, json: JSON.stringify(open), threadsCsv: threadCsvRow(open), messagesCsv: messageCsvRows(open) } };
  }

  private pages(task: PagesTask): PagesResult {
    const files: (FileInfo & { hash: string })[] = [];
    const fd = openSync(task.cardsFile, 'r');
    try {
      for (const p of task.pages) {
        const cards = readCards(fd, p.cards).map((c) => trusted(c.replaceAll(ROOT_TOKEN, p.page.root)));
        const html = this.engine.render(p.template, { site: this.init.globals, page: p.page, list: { ...p.list, cards } });
        files.push({ ...this.writer.write(p.path, html), hash: p.hash });
      }
    } finally {
      closeSync(fd);
    }
    return { type: 'pages', seq: task.seq, files };
  }
}
