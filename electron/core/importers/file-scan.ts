import { closeSync, openSync, readSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import type { Encoding } from './source-file.ts';

// One fast pass over a text file before it is read (issue 14.8, 14.9): where its longest line is, so a record larger
// than the limit is refused at once instead of after minutes of parsing; and the evidence for its encoding from the
// whole file, not its first bytes: valid UTF-8 multi-byte sequences against bytes that cannot be UTF-8, and the lines
// where those are. Native checks (isUtf8, isAscii) do the work chunk by chunk; only a chunk that is not valid UTF-8
// is walked byte by byte.

export type FileScan = {
  lines: number;
  /** The first line longer than the limit, or null. */
  tooLong: number | null;
  /** UTF-8 multi-byte characters seen (evidence for UTF-8). */
  multibyte: number;
  /** Bytes that are not part of any valid UTF-8 sequence (evidence against). */
  invalid: number;
  /** Lines holding invalid bytes, the first 20. */
  invalidLines: number[];
};

const CHUNK = 1 << 20;

/** Length of a valid UTF-8 sequence starting at i, or 0 when the bytes there are not one. */
function sequenceLength(b: Uint8Array, i: number, end: number): number {
  const c = b[i]!;
  const need = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (need === 0 || i + need > end) return 0;
  for (let k = 1; k < need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  // Overlong forms and surrogates are not UTF-8.
  if (c === 0xe0 && b[i + 1]! < 0xa0) return 0;
  if (c === 0xed && b[i + 1]! > 0x9f) return 0;
  if (c === 0xf0 && b[i + 1]! < 0x90) return 0;
  if (c === 0xf4 && b[i + 1]! > 0x8f) return 0;
  return need;
}

/** Bytes at the end of a chunk that may start a sequence finished in the next one. */
function partialTail(b: Uint8Array, end: number): number {
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const c = b[end - k]!;
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > k ? k : 0;
    }
    return 0;
  }
  return 0;
}

function countMultibyte(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if ((b[i]! & 0xc0) !== 0x80 && b[i]! >= 0xc0) n++;
  return n;
}

export function scanFile(path: string, options: { maxLine: number; from?: number; utf8?: boolean }): FileScan {
  const scan: FileScan = { lines: 1, tooLong: null, multibyte: 0, invalid: 0, invalidLines: [] };
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(CHUNK + 4);
  let carry = 0;
  let position = options.from ?? 0;
  let run = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, carry, CHUNK, position);
      position += n;
      const end = carry + n;
      if (end === 0) break;
      const last = n === 0;
      const tail = last ? 0 : partialTail(buf, end);
      const stop = end - tail;
      const view = buf.subarray(0, stop);
      // Line lengths: a record can be no shorter than its longest line.
      let lastNl = -1;
      for (let i = view.indexOf(10); i !== -1; i = view.indexOf(10, i + 1)) {
        if (run + (i - lastNl - 1) > options.maxLine && scan.tooLong === null) scan.tooLong = scan.lines;
        scan.lines++;
        run = 0;
        lastNl = i;
      }
      run += stop - lastNl - 1;
      if (run > options.maxLine && scan.tooLong === null) scan.tooLong = scan.lines;
      if (scan.tooLong !== null) break;
      if (options.utf8 !== false && !isAscii(view)) {
        if (isUtf8(view)) scan.multibyte += countMultibyte(view, 0, stop);
        else walk(view, stop, scan, scan.lines - countLines(view, stop));
      }
      if (last) break;
      buf.copy(buf, 0, stop, end);
      carry = tail;
    }
  } finally {
    closeSync(fd);
  }
  return scan;
}

function countLines(b: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (b[i] === 10) n++;
  return n;
}

/** Walks a chunk that is not valid UTF-8, counting both kinds of evidence and the lines of the invalid bytes. */
function walk(b: Uint8Array, end: number, scan: FileScan, firstLine: number): void {
  let line = firstLine;
  for (let i = 0; i < end;) {
    const c = b[i]!;
    if (c === 10) line++;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(b, i, end);
    if (len > 0) {
      scan.multibyte++;
      i += len;
      continue;
    }
    scan.invalid++;
    if (scan.invalidLines.at(-1) !== line && scan.invalidLines.length < 20) scan.invalidLines.push(line);
    i++;
  }
}

export type EncodingChoice = { encoding: Encoding; warning: string | null };

/**
 * The encoding a file's evidence points to. UTF-8 when nothing contradicts it, or when its multi-byte characters
 * outnumber the stray bytes (those become U+FFFD, and the lines are named); Windows-1252 only when the file holds
 * bytes that cannot be UTF-8 and little or no UTF-8. A format that is UTF-8 by definition (JSON) stays UTF-8.
 */
/** The advice in an encoding warning; the command line adds its flag to it, the app offers a list. */
export const CHOOSE_ENCODING = 'choose the file’s encoding and import it again';

export function chooseEncoding(scan: FileScan, name: string, utf8ByDefinition: boolean): EncodingChoice {
  if (scan.invalid === 0) return { encoding: 'utf-8', warning: null };
  const where = `line${scan.invalidLines.length === 1 ? '' : 's'} ${scan.invalidLines.join(', ')}${scan.invalid > scan.invalidLines.length && scan.invalidLines.length === 20 ? ' and more' : ''}`;
  if (utf8ByDefinition || scan.multibyte >= scan.invalid) {
    return { encoding: 'utf-8', warning: `${name}: ${scan.invalid} byte${scan.invalid === 1 ? ' is' : 's are'} not valid UTF-8 (${where}); the file is UTF-8 otherwise (${scan.multibyte} UTF-8 characters), so ${scan.invalid === 1 ? 'it was' : 'they were'} read as "\uFFFD". Check those lines, or ${CHOOSE_ENCODING}.` };
  }
  return { encoding: 'windows-1252', warning: `${name}: read as Windows-1252, because ${scan.invalid} byte${scan.invalid === 1 ? ' is' : 's are'} not UTF-8 (${where}) and the file has ${scan.multibyte ? `only ${scan.multibyte}` : 'no'} UTF-8 characters. If the text looks wrong, ${CHOOSE_ENCODING}.` };
}
