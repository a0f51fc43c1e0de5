// The threads of a saved build (build-state.ts), in site order, a column per field: at 100,000 threads an object per
// thread with its field names made the state 40 MB of JSON whose parsing (a third of a second, and as much again in
// garbage collection) was the largest part of a rebuild's load phase. Columns of strings and numbers parse several
// times faster and are a third smaller; a thread's record is made when the plan asks for it.

type Range = [number, number];
/** One thread of a build: hashes, what lists group it by, and byte ranges in the cards file and the data files. */
export type ThreadRecord = { pageHash: string; summaryHash: string; kind: string; topics: string[]; card: Range; json: Range; threadsCsv: Range; messagesCsv: Range };
export type SavedThread = ThreadRecord & { id: string };

/**
 * Strings of one length (the hashes) as one string: JSON.parse reads it in one go where it made a string per value,
 * and a value is cut out of it when asked for. Strings of other lengths stay a list.
 */
type StringColumn = { width: number; text: string } | string[];

export type ThreadColumns = {
  ids: string[];
  pageHash: StringColumn;
  summaryHash: StringColumn;
  kind: string[];
  /** Each thread's topics, as an index into topicLists (threads share a few lists). */
  topics: number[];
  topicLists: string[][];
  /** card, json, threadsCsv and messagesCsv: eight numbers a thread. */
  ranges: number[];
};

const RANGES = ['card', 'json', 'threadsCsv', 'messagesCsv'] as const;

function packed(values: string[]): StringColumn {
  const width = values[0]?.length ?? 0;
  return width > 0 && values.every((v) => v.length === width) ? { width, text: values.join('') } : values;
}

function valueAt(column: StringColumn, i: number): string | undefined {
  return Array.isArray(column) ? column[i] : column.text.slice(column.width * i, column.width * (i + 1));
}

function columnLength(column: StringColumn): number {
  return Array.isArray(column) ? column.length : column.width > 0 ? column.text.length / column.width : -1;
}

export function threadColumns(threads: readonly SavedThread[]): ThreadColumns {
  const cols: ThreadColumns = { ids: [], pageHash: [], summaryHash: [], kind: [], topics: [], topicLists: [], ranges: [] };
  const lists = new Map<string, number>();
  // Threads share their topic lists (thread-rows.ts): looked up by the list first, by its names when it is another.
  const byList = new Map<readonly string[], number>();
  const pageHash: string[] = [];
  const summaryHash: string[] = [];
  for (const t of threads) {
    cols.ids.push(t.id);
    pageHash.push(t.pageHash);
    summaryHash.push(t.summaryHash);
    cols.kind.push(t.kind);
    let at = byList.get(t.topics);
    if (at === undefined) {
      const key = t.topics.join('\u0000');
      at = lists.get(key);
      if (at === undefined) {
        lists.set(key, (at = cols.topicLists.length));
        cols.topicLists.push(t.topics);
      }
      byList.set(t.topics, at);
    }
    cols.topics.push(at);
    for (const r of RANGES) cols.ranges.push(t[r][0], t[r][1]);
  }
  cols.pageHash = packed(pageHash);
  cols.summaryHash = packed(summaryHash);
  return cols;
}

/** Whether columns read from a file have the shape this code writes (else the state is not used). */
export function wellFormed(cols: ThreadColumns | undefined): boolean {
  if (!cols || !Array.isArray(cols.ids)) return false;
  const n = cols.ids.length;
  return [cols.pageHash, cols.summaryHash].every((c) => c && columnLength(c) === n) && [cols.kind, cols.topics].every((c) => Array.isArray(c) && c.length === n)
    && Array.isArray(cols.ranges) && cols.ranges.length === 8 * n && Array.isArray(cols.topicLists)
    && cols.topics.every((i) => Array.isArray(cols.topicLists[i]));
}

/** Thread `i`'s record. */
export function threadAt(cols: ThreadColumns, i: number): ThreadRecord {
  const r = cols.ranges;
  const at = 8 * i;
  return {
    pageHash: valueAt(cols.pageHash, i)!, summaryHash: valueAt(cols.summaryHash, i)!, kind: cols.kind[i]!, topics: cols.topicLists[cols.topics[i]!]!,
    card: [r[at]!, r[at + 1]!], json: [r[at + 2]!, r[at + 3]!], threadsCsv: [r[at + 4]!, r[at + 5]!], messagesCsv: [r[at + 6]!, r[at + 7]!],
  };
}

/** Thread `i`'s page hash alone. */
export function pageHashAt(cols: ThreadColumns, i: number): string {
  return valueAt(cols.pageHash, i)!;
}

/**
 * Finds threads by id, asked in site order: a thread is most often the one after the last found (the order of the
 * site changes little between builds), so the table of every id is made only when that guess fails.
 */
export function threadFinder(cols: ThreadColumns): (id: string) => number {
  let next = 0;
  let byId: Map<string, number> | null = null;
  return (id) => {
    let at = cols.ids[next] === id ? next : -1;
    if (at < 0) {
      if (!byId) {
        byId = new Map();
        for (let i = 0; i < cols.ids.length; i++) byId.set(cols.ids[i]!, i);
      }
      at = byId.get(id) ?? -1;
    }
    if (at >= 0) next = at + 1;
    return at;
  };
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether value `i` of a column is `value` (no string cut out of the column to compare). */
function hasValue(column: StringColumn, i: number, value: string): boolean {
  return Array.isArray(column) ? column[i] === value : value.length === column.width && column.text.startsWith(value, column.width * i);
}

/** Whether the saved columns hold these threads in the same order with the same values (no columns made of them). */
export function sameThreads(saved: ThreadColumns, threads: readonly SavedThread[]): boolean {
  if (saved.ids.length !== threads.length) return false;
  const r = saved.ranges;
  for (let i = 0; i < threads.length; i++) {
    const t = threads[i]!;
    if (saved.ids[i] !== t.id || !hasValue(saved.pageHash, i, t.pageHash) || !hasValue(saved.summaryHash, i, t.summaryHash) || saved.kind[i] !== t.kind) return false;
    if (!sameList(saved.topicLists[saved.topics[i]!]!, t.topics)) return false;
    for (let k = 0; k < RANGES.length; k++) {
      const range = t[RANGES[k]!];
      if (r[8 * i + 2 * k] !== range[0] || r[8 * i + 2 * k + 1] !== range[1]) return false;
    }
  }
  return true;
}

/** Threads put into JSON at once by writeColumns: pieces of a few kilobytes, which die young. */
const BATCH = 256;

/** `[value,...]` of one field, BATCH threads at a time. */
function writeList(threads: readonly SavedThread[], add: (text: string) => void, pick: (t: SavedThread) => unknown): void {
  add('[');
  for (let at = 0; at < threads.length; at += BATCH) {
    const part: unknown[] = [];
    for (let i = at; i < Math.min(threads.length, at + BATCH); i++) part.push(pick(threads[i]!));
    add(`${at === 0 ? '' : ','}${JSON.stringify(part).slice(1, -1)}`);
  }
  add(']');
}

/** A column of strings as threadColumns packs it (one text when they have one length), a piece of the text at a time. */
function writeStrings(threads: readonly SavedThread[], add: (text: string) => void, pick: (t: SavedThread) => string): void {
  const width = threads.length > 0 ? pick(threads[0]!).length : 0;
  if (width === 0 || !threads.every((t) => pick(t).length === width)) return writeList(threads, add, pick);
  add(`{"width":${width},"text":"`);
  for (let at = 0; at < threads.length; at += BATCH) {
    let text = '';
    for (let i = at; i < Math.min(threads.length, at + BATCH); i++) text += pick(threads[i]!);
    add(JSON.stringify(text).slice(1, -1));
  }
  add('"}');
}

/**
 * The threads' columns as a saved state holds them, handed to `add` in pieces: the text of
 * `JSON.stringify(threadColumns(threads))` with each range's start as its gap (rangesFromGaps), made from the threads' records BATCH at
 * a time. At 100,000 threads the columns made whole (a list of 800,000 numbers grown by push, its gaps another, two
 * texts of 6.4 MB and their JSON copies) were some 60 MB the commit allocated at the build's peak of memory.
 */
export function writeColumns(threads: readonly SavedThread[], add: (text: string) => void): void {
  const lists = new Map<string, number>();
  const byList = new Map<readonly string[], number>();
  const topicLists: string[][] = [];
  const topics = new Int32Array(threads.length);
  for (let i = 0; i < threads.length; i++) {
    const t = threads[i]!;
    let at = byList.get(t.topics);
    if (at === undefined) {
      const key = t.topics.join('\u0000');
      at = lists.get(key);
      if (at === undefined) {
        lists.set(key, (at = topicLists.length));
        topicLists.push(t.topics);
      }
      byList.set(t.topics, at);
    }
    topics[i] = at;
  }
  add('{"ids":');
  writeList(threads, add, (t) => t.id);
  add(',"pageHash":');
  writeStrings(threads, add, (t) => t.pageHash);
  add(',"summaryHash":');
  writeStrings(threads, add, (t) => t.summaryHash);
  add(',"kind":');
  writeList(threads, add, (t) => t.kind);
  add(',"topics":[');
  for (let at = 0; at < threads.length; at += BATCH) add(`${at === 0 ? '' : ','}${topics.subarray(at, at + BATCH).join(',')}`);
  add(`],"topicLists":${JSON.stringify(topicLists)},"ranges":[`);
  const end = [0, 0, 0, 0];
  for (let at = 0; at < threads.length; at += BATCH) {
    const part: number[] = [];
    for (let i = at; i < Math.min(threads.length, at + BATCH); i++) {
      const t = threads[i]!;
      for (let k = 0; k < RANGES.length; k++) {
        const [start, length] = t[RANGES[k]!];
        part.push(start - end[k]!, length);
        end[k] = start + length;
      }
    }
    add(`${at === 0 ? '' : ','}${JSON.stringify(part).slice(1, -1)}`);
  }
  add(']}');
}

/**
 * The ranges as a file holds them (writeColumns): a range's start as its distance from where the thread before's same
 * range ended (0, or the two characters between the items of a JSON list), so that it holds small numbers where it
 * held offsets of up to a gigabyte (a third of the state's text at 100,000 threads). Turned into offsets again here,
 * in the list read from the file (a new list of 800,000 numbers grown by push was 20 MB of garbage at load).
 */
export function rangesFromGaps(ranges: number[]): number[] {
  const end = [0, 0, 0, 0];
  for (let i = 0; i < ranges.length; i += 8) {
    for (let k = 0; k < 4; k++) {
      const at = i + 2 * k;
      ranges[at] = ranges[at]! + end[k]!;
      end[k] = ranges[at]! + ranges[at + 1]!;
    }
  }
  return ranges;
}
