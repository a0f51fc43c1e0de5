import { open } from 'node:fs/promises';
import { openSync, readSync, closeSync } from 'node:fs';

// mbox (RFC 4155): each message starts with a "From " separator line. Split here, at the byte level, because the
// messages inside may be in any charset; postal-mime then parses one message at a time.
//
// A "From " line is a separator when it starts the file, follows an empty line, or has the full separator shape
// ("From sender Tue Jul  1 10:52:37 2003"); a body line starting with "From " in an mboxo file that forgot to quote
// it therefore stays in its message. Unquoting follows mboxrd: one ">" is removed from lines matching /^>+From /.
// For mboxo files this is the same for every line except one that was literally ">From " before it was written,
// which mboxo had already made indistinguishable.

export type MboxSpan = {
  /** Byte offset of the message's first header line (after the separator line). */
  start: number;
  /** Byte offset just past the message. */
  end: number;
  /** 1-based line number of the separator line. */
  line: number;
  /** The separator line, for its date. */
  separator: string;
  /** The raw header block (up to the first empty line), at most 256 KB. */
  header: Buffer;
};

const SEPARATOR_SHAPE = /^From \S+\s+[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{1,2}:\d{2}(:\d{2})?/;
const HEADER_CAP = 256 * 1024;

function startsWithFrom(buf: Buffer, i: number, end: number): boolean {
  return end - i >= 5 && buf[i] === 0x46 && buf[i + 1] === 0x72 && buf[i + 2] === 0x6f && buf[i + 3] === 0x6d && buf[i + 4] === 0x20;
}

/** Streams the spans of an mbox file; memory holds one chunk and one header block. */
export async function* scanMbox(path: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<MboxSpan> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const chunkSize = 1 << 20;
    // One buffer for the whole scan, reused: allocating a fresh megabyte per chunk lets the C heap grow with the
    // file. The unfinished line of the previous chunk is moved to its start, then the next bytes are read after it.
    let store = Buffer.allocUnsafe(2 * chunkSize);
    let buf = store.subarray(0, 0);
    let base = 0; // file offset of buf[0]
    let lineNo = 0;
    let prevBlank = true;
    let current: { start: number; line: number; separator: string; header: Buffer[]; headerBytes: number; headerDone: boolean } | null = null;
    let offset = 0;
    let eof = false;
    while (!eof) {
      const carry = buf.length;
      if (carry + chunkSize > store.length) {
        const bigger = Buffer.allocUnsafe(2 * (carry + chunkSize)); // one very long line
        buf.copy(bigger, 0);
        store = bigger;
      } else if (carry > 0 && buf.byteOffset !== store.byteOffset) buf.copy(store, 0);
      const { bytesRead } = await fh.read(store, carry, chunkSize, offset);
      offset += bytesRead;
      onBytes(bytesRead);
      eof = bytesRead === 0 || offset >= size;
      buf = store.subarray(0, carry + bytesRead);
      let i = 0;
      for (;;) {
        let nl = buf.indexOf(10, i);
        if (nl === -1) {
          if (!eof || i >= buf.length) break;
          nl = buf.length; // the last line has no newline
        }
        lineNo++;
        const lineEnd = nl > i && buf[nl - 1] === 13 ? nl - 1 : nl;
        const blank = lineEnd === i;
        if (startsWithFrom(buf, i, lineEnd)) {
          const text = buf.toString('latin1', i, lineEnd);
          if (lineNo === 1 || prevBlank || SEPARATOR_SHAPE.test(text)) {
            if (current) yield finish(current, base + i);
            current = { start: base + nl + 1, line: lineNo, separator: text, header: [], headerBytes: 0, headerDone: false };
            prevBlank = false;
            i = nl + 1;
            continue;
          }
        }
        if (current && !current.headerDone) {
          if (blank) current.headerDone = true;
          else if (current.headerBytes < HEADER_CAP) {
            // Copied: a view would keep the whole chunk alive.
            const part = Buffer.from(buf.subarray(i, Math.min(nl + 1, buf.length)));
            current.header.push(part);
            current.headerBytes += part.length;
          }
        }
        prevBlank = blank;
        i = nl + 1;
      }
      base += Math.min(i, buf.length);
      buf = buf.subarray(Math.min(i, buf.length));
    }
    if (current) yield finish(current, size);
  } finally {
    await fh.close();
  }
}

function finish(c: { start: number; line: number; separator: string; header: Buffer[] }, end: number): MboxSpan {
  return { start: c.start, end: Math.max(c.start, end), line: c.line, separator: c.separator, header: Buffer.concat(c.header) };
}

/** mboxrd unquoting: one ">" off every line that matches /^>+From /. Byte-exact elsewhere. */
export function unquoteFrom(raw: Buffer): Buffer {
  if (raw.indexOf('>From ') === -1 && raw.indexOf('>>') === -1) return raw;
  const text = raw.toString('latin1');
  const out = text.replace(/(^|\n)>(>*From )/g, '$1$2');
  return out === text ? raw : Buffer.from(out, 'latin1');
}

/** Open mbox files for the second pass: one handle per file for the whole import, closed at the end. */
export class MboxReader {
  private readonly fds = new Map<string, number>();

  /** The span's bytes, unquoted. */
  read(path: string, span: { start: number; end: number }): Buffer {
    let fd = this.fds.get(path);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      this.fds.set(path, fd);
    }
    const buf = Buffer.allocUnsafe(span.end - span.start);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, span.start + got);
      if (n === 0) break;
      got += n;
    }
    return unquoteFrom(buf.subarray(0, got));
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
