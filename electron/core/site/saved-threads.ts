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

function sameColumn(a: StringColumn, b: StringColumn): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameList(a, b);
  return a.width === b.width && a.text === b.text;
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

/** Whether two tables hold the same threads in the same order with the same values. */
export function sameThreads(a: ThreadColumns, b: ThreadColumns): boolean {
  if (!sameList(a.ids, b.ids) || !sameColumn(a.pageHash, b.pageHash) || !sameColumn(a.summaryHash, b.summaryHash) || !sameList(a.kind, b.kind) || !sameList(a.ranges, b.ranges)) return false;
  for (let i = 0; i < a.topics.length; i++) if (!sameList(a.topicLists[a.topics[i]!]!, b.topicLists[b.topics[i]!]!)) return false;
  return true;
}

/**
 * The ranges as a file holds them: a range's start as its distance from where the thread before's same range ended
 * (0, or the two characters between the items of a JSON list), so that it holds small numbers where it held offsets
 * of up to a gigabyte (a third of the state's text at 100,000 threads). `back` turns them into offsets again.
 */
export function rangeGaps(ranges: readonly number[], back = false): number[] {
  // Pushed: a list made at its full length (800,000 numbers) would be a slow dictionary.
  const out: number[] = [];
  const end = [0, 0, 0, 0];
  for (let i = 0; i < ranges.length; i += 8) {
    for (let k = 0; k < 4; k++) {
      const at = i + 2 * k;
      const start = back ? ranges[at]! + end[k]! : ranges[at]!;
      out.push(back ? start : start - end[k]!, ranges[at + 1]!);
      end[k] = start + ranges[at + 1]!;
    }
  }
  return out;
}
