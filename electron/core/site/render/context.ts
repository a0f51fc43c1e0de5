import { hash } from 'node:crypto';
import type { PublishedThread } from '../../../shared/curation/model.ts';
import type { ViewRulesData } from '../../curation/public-view.ts';
import { CandorError } from '../../errors.ts';
import { fileError } from '../build/errors.ts';
import { reviewJsonLd } from '../jsonld.ts';
import { textOf } from '../i18n.ts';
import type { SiteText } from '../i18n.ts';
import { createEngine } from '../liquid/engine.ts';
import type { SiteEngine } from '../liquid/engine.ts';
import type { KnownLanguages } from '../language-detect.ts';
import { messageCsvRows, openThread, threadCsvRow } from '../open-data/threads.ts';
import { pageMeta, threadUrl } from '../pages.ts';
import type { PageMeta, SiteGlobals } from '../pages.ts';
import { openThreadReader } from '../thread-reader.ts';
import type { ThreadReader } from '../thread-reader.ts';
import { sha256, SiteWriter } from '../site-writer.ts';
import type { FileInfo } from '../site-writer.ts';
import { summarize, threadView, useKnownLanguages } from '../thread-views.ts';
import type { ThreadSummary } from '../thread-views.ts';
import { trusted, wellFormed } from '../trusted.ts';
import { readCards, ROOT_TOKEN, withCardsFile } from './cards.ts';
import { ROW_FIELDS, RowBytes } from './row-bytes.ts';
import { threadPageHash } from './thread-key.ts';

// The work that is the same in a render worker and in the main thread: turn published threads into pages, data
// rows and search records, and render list pages. A page whose inputs did not change since the previous build is
// not written at all (the previous site keeps it). Every file written is hashed as it is written. A failure names
// the file and the thread it was made for.

export type RenderInit = {
  workspaceDir: string;
  roots: string[];
  temp: string;
  previous: string | null;
  fingerprint: string;
  globals: SiteGlobals;
  /** How threads are shown, checked by the builder (curation/published.ts, siteViewRules): workers run no detector. */
  view: ViewRulesData;
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
  /** The thread's texts' languages when some were detected now (text-languages.ts keeps them for the next build). */
  languages: [string, string | null][] | null;
};
export type ThreadResult = { type: 'threads'; seq: number; threads: ThreadOutput[]; missing: string[]; buffers: ArrayBuffer[] };

/** A list page: its items were rendered once per thread (byte ranges in the cards file); the worker puts them in. */
export type ListPage = { path: string; template: string; hash: string; page: PageMeta; list: Record<string, unknown>; cards: [number, number][] };
export type PagesTask = { type: 'pages'; seq: number; cardsFile: string; pages: ListPage[] };
export type PagesResult = { type: 'pages'; seq: number; files: (FileInfo & { hash: string })[] };

export type Task = ThreadTask | PagesTask;
export type TaskResult = ThreadResult | PagesResult;

// crypto.hash: the one-shot form, without a Hash object per call (a build hashes a few hundred thousand small inputs).

/** What a page was made from, as 128 bits of SHA-256 (kept for 100,000 pages in memory and in the build state). */
export function inputHash(fingerprint: string, kind: string, value: unknown): string {
  return hash('sha256', `${fingerprint}\u0000${kind}\u0000${typeof value === 'string' ? value : JSON.stringify(value)}`, 'hex').slice(0, 32);
}

/**
 * The longest text one field of a published conversation may have (a subject, a message, a name, a tag): two million
 * characters, a long book. Beyond it a page, its data rows and its search record would hold the render worker's
 * whole memory; the build stops and names the conversation so that the curator can withhold or erase it.
 */
const MAX_FIELD_CHARS = 2_000_000;

function checkRenderable(t: PublishedThread): void {
  const fields: [string, string | null][] = [['the subject', t.subject], ['the customer', t.customer], ...t.tags.map((x): [string, string] => ['a tag', x])];
  t.messages.forEach((m, i) => fields.push([`message ${i + 1} of ${t.messages.length}`, m.body], [`the author of message ${i + 1}`, m.author]));
  for (const [what, text] of fields) {
    if (text !== null && text.length > MAX_FIELD_CHARS) {
      throw new CandorError('THREAD_TOO_LARGE', `${what} has ${text.length.toLocaleString('en')} characters, more than the ${MAX_FIELD_CHARS.toLocaleString('en')} a page shows. Withhold this conversation (or erase it), or shorten it at the source and import it again, then build again.`);
    }
  }
}

/** Pagefind reads records as strict JSON: text with a lone surrogate (a broken character) would stop its service. */
/**
 * `language`: the conversation's own when it can be told, else the site's. Pagefind keeps one index per language in
 * a bundle, each stemming its words its own way ("Lieferungen" finds "Lieferung", "deliveries" finds "delivery").
 */
function searchRecord(t: PublishedThread, summary: ThreadSummary, siteLanguage = 'en'): SearchRecord {
  const language = summary.lang?.split('-')[0] ?? siteLanguage;
  const content = wellFormed([t.subject ?? '', ...t.messages.map((m) => m.body)].join('\n'));
  return {
    url: `/${summary.url}`,
    content,
    language,
    // What the search page filters on (kind, status, rating, topic, year): meta, not Pagefind's filters, whose index
    // files come out in a different order on every build (the same workspace must give the same bytes).
    meta: {
      title: wellFormed(summary.subject), kind: summary.kindLabel, status: summary.statusLabel, date: summary.openedAt.slice(0, 10),
      rating: summary.ratingFilter, topics: wellFormed(summary.topics.map((x) => x.name).join('\n')),
    },
  };
}

type ThreadRows = Record<(typeof ROW_FIELDS)[number], string>;
const EMPTY = new Uint8Array(0);
const NONE_KNOWN: KnownLanguages = new Map();

/** Threads are read this many at a time within a chunk: fewer of them alive at once, less for the collector to copy. */
const READ_BATCH = 50;

export class RenderContext {
  private readonly init: RenderInit;
  private readonly engine: SiteEngine;
  private readonly text: SiteText;
  private readonly writer: SiteWriter;
  private reader: ThreadReader | null = null;
  private readonly rows = ROW_FIELDS.map(() => new RowBytes());

  constructor(init: RenderInit) {
    this.init = init;
    this.text = textOf(init.globals);
    this.engine = createEngine(init.roots, this.text);
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
    this.reader ??= openThreadReader(this.init.workspaceDir, this.init.view);
    for (const r of this.rows) r.reset();
    const out: ThreadOutput[] = [];
    const missing: string[] = [];
    // Threads come in the order asked for; one no longer published is skipped (and the build stops).
    const items = task.items;
    const rowids = items.map((x) => x.rowid);
    const known = this.reader.languages(rowids);
    let at = 0;
    for (const t of this.reader.stream(rowids, READ_BATCH)) {
      while (at < items.length && items[at]!.id !== t.id) missing.push(items[at++]!.id);
      if (at === items.length) break;
      let made: { output: ThreadOutput; text: ThreadRows };
      const item = items[at++]!;
      const languages = useKnownLanguages(t, known.get(item.rowid) ?? NONE_KNOWN);
      try {
        made = this.thread(t, item);
      } catch (err) {
        throw fileError(err, threadUrl(t.id), { thread: t.id });
      }
      made.output.languages = languages;
      out.push(made.output);
      ROW_FIELDS.forEach((field, f) => this.rows[f]!.add(made.text[field]));
    }
    while (at < items.length) missing.push(items[at++]!.id);
    const buffers = ROW_FIELDS.map((field, f) => this.rows[f]!.take(out, field));
    return { type: 'threads', seq: task.seq, threads: out, missing, buffers };
  }

  private thread(t: PublishedThread, item: ThreadItem): { output: ThreadOutput; text: ThreadRows } {
    checkRenderable(t);
    const { globals, fingerprint } = this.init;
    const summary = summarize(t, this.text);
    const topics = summary.topics.map((x) => x.name);
    const open = openThread(t, topics);
    const openJson = JSON.stringify(open);
    const pageHash = threadPageHash(fingerprint, t, openJson);
    const summaryJson = JSON.stringify(summary);
    const path = summary.url;
    let file: FileInfo;
    let rendered = false;
    if (item.prevPageHash === pageHash && this.init.previous) {
      // Unchanged: the previous site's file stays where it is.
      file = { path, sha256: '', size: -1 };
    } else {
      const view = threadView(t, summary, this.text);
      const jsonLd = reviewJsonLd(t, globals.name, globals.url, globals.baseUrl ? `${globals.baseUrl}${path}` : null);
      // German capitalises nouns; the other languages write the status in lower case mid-sentence.
      const status = this.text.lang === 'de' ? summary.statusLabel : summary.statusLabel.toLocaleLowerCase(this.text.lang);
      const description = this.text.text('page.thread.description', { kind: summary.kindLabel, customer: summary.customer, status, excerpt: summary.excerpt });
      const page = pageMeta(globals, path, 'conversations', summary.subject, description, { jsonLd });
      const html = this.engine.render('pages/thread', { site: globals, page, thread: view });
      file = this.writer.write(path, html);
      rendered = true;
    }
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
      search: item.search ? searchRecord(t, summary, this.text.lang) : null,
      languages: null,
    };
    return { output, text: { card, json: openJson, threadsCsv: threadCsvRow(open), messagesCsv: messageCsvRows(open) } };
  }

  private pages(task: PagesTask): PagesResult {
    const files = withCardsFile(task.cardsFile, (fd) => task.pages.map((p) => {
      try {
        const cards = readCards(fd, p.cards).map((c) => trusted(c.replaceAll(ROOT_TOKEN, p.page.root)));
        const html = this.engine.render(p.template, { site: this.init.globals, page: p.page, list: { ...p.list, cards } });
        return { ...this.writer.write(p.path, html), hash: p.hash };
      } catch (err) {
        throw fileError(err, p.path);
      }
    }));
    return { type: 'pages', seq: task.seq, files };
  }
}
