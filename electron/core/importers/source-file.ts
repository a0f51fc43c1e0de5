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

export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bomLength: number } {
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

export function decodeBytes(bytes: Uint8Array, encoding: Encoding, fatal: boolean): string {
  if (encoding === 'utf-16be') {
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    return new TextDecoder('utf-16le', { fatal }).decode(swapped);
  }
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/** The raw byte stream after the BOM, counting bytes as they are read. */
export function byteStream(file: SourceFile): Readable {
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

/** Lines with their 1-based numbers, streaming; handles LF and CRLF. Memory is one line, not the file. */
export async function* lines(file: SourceFile): AsyncGenerator<{ line: number; text: string }> {
  let carry = '';
  let n = 0;
  for await (const chunk of textChunks(file)) {
    carry += chunk;
    let start = 0;
    let nl: number;
    while ((nl = carry.indexOf('\n', start)) !== -1) {
      n++;
      const end = nl > start && carry.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { line: n, text: carry.slice(start, end) };
      start = nl + 1;
    }
    carry = carry.slice(start);
  }
  if (carry.length > 0) yield { line: n + 1, text: carry };
}

/** The whole file as text (for formats that are one JSON document). */
export function readAllText(file: SourceFile): string {
  const buf = readFileSync(file.path);
  file.onBytes(buf.length);
  return decodeBytes(buf.subarray(file.bomLength), file.encoding, false);
}
