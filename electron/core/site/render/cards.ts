import { closeSync, openSync, readSync } from 'node:fs';

// The list items (each thread's partials/thread-card, rendered once per build) live in one file in site order, kept
// for the next build; list pages read theirs back by byte range.

/**
 * Stands for a page's root in a list item rendered once and used on pages at different depths. Escaping leaves it
 * as it is; it is always replaced before a page is written.
 */
export const ROOT_TOKEN = '\u0001root\u0001';

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

/** Reads the items of several pages from the cards file at `file`, opening it once. */
export function withCardsFile<T>(file: string, fn: (fd: number) => T): T {
  const fd = openSync(file, 'r');
  try {
    return fn(fd);
  } finally {
    closeSync(fd);
  }
}
