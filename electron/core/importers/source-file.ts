import { createReadStream, openSync, readSync, closeSync, statSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { CandorError } from '../errors.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A file being imported: where it is, how it is encoded, and a way to report bytes read. */
export type SourceFile = {
  path: string;
  /** The name reports use. */
  name: string;
  size: number;
  encoding: Encoding;
  bomLength: number;
  onBytes: (n: number) => void;
};

function sniffEncoding(head: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // Not valid UTF-8 but plain bytes: legacy Windows exports (CSV from Excel) are Windows-1252.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

/** A sample may end inside a multi-byte character; that must not read as "not UTF-8". */
function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= i;
    break;
  }
  return bytes.subarray(0, end);
}

export function openSourceFile(path: string, onBytes: (n: number) => void = () => {}): SourceFile {
  let size: number;
  try {
    const st = statSync(path);
    // A folder (of .eml files): its size is what its files add up to, so progress can be shown.
    if (st.isDirectory()) return { path, name: basename(path), size: folderSize(path), encoding: 'utf-8', bomLength: 0, onBytes };
    size = st.size;
  } catch {
    throw new CandorError('FILE_NOT_FOUND', `${path}: no such file.`, { file: path });
  }
  const head = readHead(path, 64 * 1024);
  return { path, name: basename(path), size, ...sniffEncoding(head), onBytes };
}

function folderSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  }
  return total;
}

export function readHead(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Decoded text of the first bytes, for detection. */
export function sampleText(file: SourceFile, bytes = 64 * 1024): string {
  if (file.size === 0) return '';
  const head = readHead(file.path, bytes).subarray(file.bomLength);
  return decodeBytes(head, file.encoding, false);
}

function decodeBytes(bytes: Uint8Array, encoding: Encoding, fatal: boolean): string {
  if (encoding === 'utf-16be') {
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    return new TextDecoder('utf-16le', { fatal }).decode(swapped);
  }
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/** The raw byte stream after the BOM, counting bytes as they are read. */
function byteStream(file: SourceFile): Readable {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      file.onBytes(chunk.length);
      cb(null, chunk);
    },
  });
  return createReadStream(file.path, { start: file.bomLength, highWaterMark: 1 << 16 }).pipe(counter);
}

/** Decoded text chunks, streaming (a multi-byte character split across chunks is kept whole). */
export async function* textChunks(file: SourceFile): AsyncGenerator<string> {
  const decoder = file.encoding === 'utf-16be' ? null : new TextDecoder(file.encoding);
  for await (const chunk of byteStream(file)) {
    const buf = chunk as Buffer;
    if (decoder) yield decoder.decode(buf, { stream: true });
    else yield decodeBytes(buf, 'utf-16be', false);
  }
  if (decoder) {
    const tail = decoder.decode();
    if (tail) yield tail;
  }
}

/**
 * The largest single record (a line of JSON Lines, a CSV record, one e-mail message) Candor reads: anything larger is
 * refused at once, naming it, instead of growing memory until the machine gives up. CANDOR_MAX_RECORD_BYTES lowers
 * it (tests, small machines).
 */
export function maxRecordBytes(): number {
  const env = Number(process.env.CANDOR_MAX_RECORD_BYTES);
  return Number.isFinite(env) && env > 0 ? env : 64 * 1024 * 1024;
}

/** The largest file read whole as one JSON document (a page of tickets): bigger exports must be JSON Lines. */
function maxDocumentBytes(): number {
  return Math.max(maxRecordBytes(), 4 * maxRecordBytes());
}

export function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export function recordTooLarge(file: SourceFile, line: number, what = 'line'): CandorError {
  return new CandorError('RECORD_TOO_LARGE', `${file.name} ${what} ${line}: a single record of more than ${megabytes(maxRecordBytes())}, which is more than Candor reads as one record. Nothing was imported. Split the export into smaller records (JSON Lines: one conversation per line).`, { file: file.name, line });
}

/**
 * Passes text chunks through, refusing a line longer than maxRecordBytes() as soon as it is that long (a record can
 * be no shorter than its longest line), so a reader that buffers records (CSV) never gets near it.
 */
export async function* guardLineLength(chunks: AsyncIterable<string>, file: SourceFile): AsyncGenerator<string> {
  const max = maxRecordBytes();
  let line = 1;
  let run = 0;
  for await (const chunk of chunks) {
    let last = -1;
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) {
      line++;
      last = i;
    }
    run = last === -1 ? run + chunk.length : chunk.length - last - 1;
    if (run > max) throw recordTooLarge(file, line, 'record at line');
    yield chunk;
  }
}

/**
 * Lines with their 1-based numbers, streaming; handles LF and CRLF. Memory is one line, not the file: a line is
 * kept as pieces until its end arrives (joining as it grows would copy it over and over), and a line longer than
 * maxRecordBytes() is refused as soon as it is that long.
 */
export async function* lines(file: SourceFile): AsyncGenerator<{ line: number; text: string }> {
  const max = maxRecordBytes();
  let pending: string[] = [];
  let pendingLength = 0;
  let n = 0;
  for await (const chunk of textChunks(file)) {
    let start = 0;
    let nl: number;
    while ((nl = chunk.indexOf('\n', start)) !== -1) {
      n++;
      let text = chunk.slice(start, nl);
      if (pending.length) {
        text = pending.join('') + text;
        pending = [];
        pendingLength = 0;
      }
      yield { line: n, text: text.endsWith('\r') ? text.slice(0, -1) : text };
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.slice(start);
      pending.push(rest);
      pendingLength += rest.length;
      if (pendingLength > max) throw recordTooLarge(file, n + 1);
    }
  }
  if (pending.length) yield { line: n + 1, text: pending.join('') };
}

/** The whole file as text (for formats that are one JSON document). */
export function readAllText(file: SourceFile): string {
  if (file.size > maxDocumentBytes()) {
    throw new CandorError('RECORD_TOO_LARGE', `${file.name}: one JSON document of ${megabytes(file.size)}; Candor reads a document up to ${megabytes(maxDocumentBytes())} whole. Nothing was imported. Export it as JSON Lines (one record per line), which is read as a stream whatever its size.`, { file: file.name });
  }
  const buf = readFileSync(file.path);
  file.onBytes(buf.length);
  return decodeBytes(buf.subarray(file.bomLength), file.encoding, false);
}
