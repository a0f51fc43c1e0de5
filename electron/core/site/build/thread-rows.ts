import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pendingCards } from '../build-state.ts';
import { DataWriter } from '../open-data/row-files.ts';
import type { DataFile } from '../open-data/row-files.ts';
import { MESSAGES_CSV_HEADER, THREADS_CSV_HEADER, THREADS_JSON_HEAD } from '../open-data/threads.ts';
import type { ThreadOutput } from '../render/context.ts';
import type { FileInfo } from '../site-writer.ts';
import type { BuildContext, ThreadState } from './context.ts';
import type { ThreadPlan } from './plan.ts';
import type { ThreadRecord } from '../saved-threads.ts';

// Where each thread's rows go, in site order: data/threads.json, data/threads.csv and data/messages.csv (published),
// and its list item in the cards file (kept for the list pages of this build and the next one). A rendered thread's
// rows are new bytes; an unchanged thread's are copied from the previous build's files.

/** Below this many threads (under 150 MB of open data) starting two writer workers costs more than it saves. */
const WRITER_WORKERS_FROM = 20_000;

export class ThreadRows {
  private readonly json: DataFile;
  private readonly threadsCsv: DataFile;
  private readonly messagesCsv: DataFile;
  private readonly cards: DataFile;
  private readonly writers: { json: DataWriter; csv: DataWriter; cards: DataWriter };
  /** New list items are appended to the previous build's cards file (unchanged ones stay where they are). */
  private readonly appendCards: boolean;
  readonly cardsFile: string;
  private written = 0;
  /**
   * Each kind and topic list once: a worker's result is a fresh copy of every string in it, and 100,000 threads'
   * copies of the same few kinds and topics were about 20 MB the build held to its end.
   */
  private readonly shared = new Map<string, string>();
  private readonly sharedTopics = new Map<string, string[]>();

  /** Threads written so far. */
  get count(): number {
    return this.written;
  }

  constructor(ctx: BuildContext) {
    const { output, previous, paths } = ctx;
    const total = ctx.data.published.length;
    mkdirSync(join(output.temp, 'data'), { recursive: true });
    // The open data is written on workers of their own for big sites (hundreds of megabytes to copy and hash): the
    // JSON on one and the CSV files on the other, about the same number of bytes each.
    this.writers = { json: new DataWriter({ worker: total >= WRITER_WORKERS_FROM }), csv: new DataWriter({ worker: total >= WRITER_WORKERS_FROM }), cards: new DataWriter({ worker: false }) };
    ctx.resources.rowWriters = [this.writers.json, this.writers.csv];
    const file = (writer: DataWriter, path: string) => writer.file(path, join(output.temp, path), output.previous ? join(output.previous, path) : null);
    this.json = file(this.writers.json, 'data/threads.json');
    this.threadsCsv = file(this.writers.csv, 'data/threads.csv');
    this.messagesCsv = file(this.writers.csv, 'data/messages.csv');
    // The list pages read the cards as soon as the threads are done: written here, in order, and not hashed (they
    // are not published). Appended to until half the file is items no longer used: then written afresh.
    this.appendCards = previous !== null && existsSync(paths.cards) && statSync(paths.cards).size <= 2 * (previous.state.cardBytes ?? 0) + (64 << 10);
    this.cardsFile = this.appendCards ? paths.cards : pendingCards(paths);
    this.cards = this.writers.cards.file('cards', this.cardsFile, previous ? paths.cards : null, { hash: false, append: this.appendCards });
    ctx.resources.cardsPending = true;
    this.json.write(THREADS_JSON_HEAD);
    this.threadsCsv.write(THREADS_CSV_HEADER);
    this.messagesCsv.write(MESSAGES_CSV_HEADER);
  }

  private separator(): string {
    return this.written === 0 ? '' : ',\n';
  }

  /** A thread rendered in this build. */
  add(plan: ThreadPlan, out: ThreadOutput): ThreadState {
    const sep = this.separator();
    if (sep) this.json.write(sep);
    this.written++;
    return {
      id: plan.id, pageHash: out.pageHash, summaryHash: out.summaryHash, kind: this.once(out.kind), topics: this.topicsOnce(out.topics),
      card: this.cards.write(out.card), json: this.json.write(out.json), threadsCsv: this.threadsCsv.write(out.threadsCsv), messagesCsv: this.messagesCsv.write(out.messagesCsv),
    };
  }

  private once(text: string): string {
    const known = this.shared.get(text);
    if (known !== undefined) return known;
    this.shared.set(text, text);
    return text;
  }

  /** Never changed once made (list pages and the saved state only read them), so threads with the same topics share one. */
  private topicsOnce(topics: string[]): string[] {
    const key = topics.join('\u0000');
    const known = this.sharedTopics.get(key);
    if (known) return known;
    const mine = topics.map((t) => this.once(t));
    this.sharedTopics.set(key, mine);
    return mine;
  }

  /** A thread unchanged since the previous build: its rows as they were. */
  keep(id: string, c: ThreadRecord): ThreadState {
    const sep = this.separator();
    this.written++;
    return {
      id, pageHash: c.pageHash, summaryHash: c.summaryHash, kind: c.kind, topics: c.topics,
      card: this.appendCards ? c.card : this.cards.copy(c.card), json: this.json.copy(c.json, sep), threadsCsv: this.threadsCsv.copy(c.threadsCsv), messagesCsv: this.messagesCsv.copy(c.messagesCsv),
    };
  }

  /** Keeps memory flat on big builds: waits while the writer workers are more than a few megabytes behind. */
  async caughtUp(): Promise<void> {
    await this.writers.json.caughtUp();
    await this.writers.csv.caughtUp();
  }

  /**
   * Ends the files. The cards are finished now (the list pages read them next); the open data finishes on its
   * workers while the pages are made, and the returned promise settles with its files.
   */
  async finish(): Promise<{ openData: Promise<FileInfo[]> }> {
    this.json.write(this.written ? '\n]}\n' : ']}\n');
    const openData = Promise.all([this.writers.json.close([this.json]), this.writers.csv.close([this.threadsCsv, this.messagesCsv])]).then(([a, b]) => [...a, ...b]);
    openData.catch(() => undefined);
    await this.writers.cards.close([this.cards]);
    return { openData };
  }
}
