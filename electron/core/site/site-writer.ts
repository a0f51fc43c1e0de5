import { createHash, hash } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, fstatSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stampOf } from './file-stamps.ts';

/**
 * A file of the site as the manifest lists it: its path under the site folder, SHA-256 and size in bytes; and its
 * stamp (file-stamps.ts) as it was written, which it keeps when the whole folder becomes the site (a clean build):
 * the build saves it without a stat of every file at the end.
 */
export type FileInfo = { path: string; sha256: string; size: number; stamp?: string | null };

export function sha256(data: string | Buffer): string {
  return hash('sha256', data, 'hex');
}

function writeAll(fd: number, buf: Buffer): void {
  for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off);
}

/** Pages longer than this (in UTF-16 units, times three) are encoded into a buffer of their own. */
const SCRATCH_MAX = 16 << 20;

export class SiteWriter {
  readonly temp: string;
  private readonly dirs = new Set<string>();

  constructor(temp: string) {
    this.temp = temp;
  }

  private ensureDir(path: string): void {
    const dir = dirname(path);
    if (dir === '.' || this.dirs.has(dir)) return;
    mkdirSync(join(this.temp, dir), { recursive: true });
    this.dirs.add(dir);
  }

  write(path: string, content: string | Buffer): FileInfo {
    const buf = typeof content === 'string' ? this.encode(content) : content;
    this.ensureDir(path);
    const fd = openSync(join(this.temp, path), 'w');
    let stamp: string | null;
    try {
      writeAll(fd, buf);
      stamp = stampOf(fstatSync(fd));
    } finally {
      closeSync(fd);
    }
    return { path, sha256: sha256(buf), size: buf.length, stamp };
  }

  /**
   * A file written a piece at a time and hashed as it goes: a big file made of many parts (the manifest) is never one
   * string or buffer in memory.
   */
  writeChunks(path: string, chunks: Iterable<string>): FileInfo {
    this.ensureDir(path);
    const digest = createHash('sha256');
    let size = 0;
    const fd = openSync(join(this.temp, path), 'w');
    let stamp: string | null;
    try {
      for (const chunk of chunks) {
        const buf = this.encode(chunk);
        writeAll(fd, buf);
        digest.update(buf);
        size += buf.length;
      }
      stamp = stampOf(fstatSync(fd));
    } finally {
      closeSync(fd);
    }
    return { path, sha256: digest.digest('hex'), size, stamp };
  }

  /**
   * A file copied as it is, by the kernel and never through memory (evidence can be gigabytes), with the SHA-256 it
   * is already stored under: content-addressed files are named for their hash and never altered.
   */
  copy(path: string, source: string, knownSha256: string): FileInfo {
    this.ensureDir(path);
    const target = join(this.temp, path);
    copyFileSync(source, target);
    chmodSync(target, 0o644); // the workspace copy is read-only; the site's must be replaceable like every other file
    const st = statSync(target);
    return { path, sha256: knownSha256, size: st.size, stamp: stampOf(st) };
  }

  private scratch = Buffer.alloc(0);

  /**
   * A page as UTF-8 in a buffer reused from page to page: written and hashed at once, so the bytes need not be
   * counted first (Buffer.from does, and that pass costs as much as the encoding).
   */
  private encode(text: string): Buffer {
    const most = text.length * 3;
    if (most > SCRATCH_MAX) return Buffer.from(text, 'utf8');
    if (this.scratch.length < most) this.scratch = Buffer.allocUnsafeSlow(Math.max(most, 256 << 10));
    return this.scratch.subarray(0, this.scratch.write(text, 0, 'utf8'));
  }

}
