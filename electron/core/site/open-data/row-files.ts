import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import type { FileInfo } from '../site-writer.ts';
import { startWorker } from '../../worker-link.ts';
import type { WorkerLink } from '../../worker-link.ts';

// The big files a build streams, rows of one thread after another: the open data (data/threads.json,
// data/threads.csv, data/messages.csv) and the list items kept for the next build. Each is assembled from new bytes
// (threads rendered in this build) and byte ranges of the previous build's file (threads that did not change). The
// builder plans the file in the main thread (where every row goes) and the bytes are copied, written and hashed by
// an assembler: in a worker of its own for big sites, so that a rebuild's hundreds of megabytes of copying run beside
// everything else it does.

export type Range = [number, number];

/** One step of assembling a file: bytes to append, or a range of the previous file to append. */
export type FileOp = { file: number; bytes: Uint8Array } | { file: number; from: number; to: number };

/** `append`: the file already holds rows that stay where they are; new rows go after them (no copy, no hash). */
export type FileSpec = { id: number; path: string; file: string; previous: string | null; hash: boolean; append: boolean };

/** Does the copying, writing and hashing of one file, in whichever thread runs it. */
export class FileAssembler {
  private readonly spec: FileSpec;
  private readonly fd: number;
  private readonly old: number | null;
  private readonly hash: Hash | null;
  private size = 0;
  private closed: FileInfo | null = null;

  constructor(spec: FileSpec) {
    this.spec = spec;
    this.fd = openSync(spec.file, spec.append ? 'a' : 'w');
    this.size = spec.append ? fstatSync(this.fd).size : 0;
    this.old = !spec.append && spec.previous && existsSync(spec.previous) ? openSync(spec.previous, 'r') : null;
    this.hash = spec.hash && !spec.append ? createHash('sha256') : null;
  }

  bytes(buf: Uint8Array): void {
    this.hash?.update(buf);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
    this.size += buf.length;
  }

  copy(from: number, to: number): void {
    if (this.old === null) throw new Error(`${this.spec.path}: there is no previous file to copy from`);
    const chunk = Buffer.allocUnsafe(Math.min(8 << 20, to - from));
    for (let pos = from; pos < to;) {
      const n = readSync(this.old, chunk, 0, Math.min(chunk.length, to - pos), pos);
      if (n === 0) throw new Error(`${this.spec.path} of the previous site is shorter than recorded`);
      this.bytes(chunk.subarray(0, n));
      pos += n;
    }
  }

  /**
   * Closes both files once; a second call answers the first one's result. Closing a descriptor twice is never
   * harmless: by then its number may belong to another thread's file (a preview being served), which would lose it.
   */
  close(): FileInfo {
    if (this.closed) return this.closed;
    this.closed = { path: this.spec.path, sha256: this.hash ? this.hash.digest('hex') : '', size: this.size };
    try {
      closeSync(this.fd);
    } finally {
      if (this.old !== null) closeSync(this.old);
    }
    return this.closed;
  }
}

/**
 * Where a DataFile's operations go: an assembler in this thread, or the writer worker. `scratch`: a buffer for the
 * gathered bytes that may be used again as soon as push() returns (in this thread they are written and hashed
 * before it does); without it each batch gets a buffer of its own, to be moved to the worker.
 */
type Sink = { push: (op: FileOp) => void; scratch?: (size: number) => Buffer };

const BATCH_BYTES = 1 << 20;

/**
 * Plans one file: says where each row lands (offset and length in the new file) and hands the work to the sink.
 * Consecutive unchanged rows become one copy; small writes are gathered into one buffer.
 */
export class DataFile {
  readonly path: string;
  private readonly id: number;
  private readonly sink: Sink;
  private readonly hasPrevious: boolean;
  private pending: { from: number; to: number } | null = null;
  private parts: Uint8Array[] = [];
  private buffered = 0;
  size = 0;

  constructor(id: number, path: string, sink: Sink, hasPrevious: boolean, startsAt = 0) {
    this.id = id;
    this.path = path;
    this.sink = sink;
    this.hasPrevious = hasPrevious;
    this.size = startsAt;
  }

  write(text: string | Uint8Array): Range {
    this.settle();
    const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const at = this.size;
    this.parts.push(buf);
    this.buffered += buf.length;
    this.size += buf.length;
    if (this.buffered >= BATCH_BYTES) this.flush();
    return [at, buf.length];
  }

  /**
   * The bytes an unchanged row had in the previous build's file, after `separator`. When the previous file has the
   * same separator right before them (the row followed the same neighbour then), they join the copy in hand.
   */
  copy(range: Range, separator = ''): Range {
    if (!this.hasPrevious) throw new Error(`no previous ${this.path}`);
    const gap = Buffer.byteLength(separator);
    if (this.pending && this.pending.to + gap === range[0]) {
      this.size += gap + range[1];
      this.pending.to = range[0] + range[1];
      return [this.size - range[1], range[1]];
    }
    if (separator) this.write(separator);
    this.flush();
    this.pending = { from: range[0], to: range[0] + range[1] };
    this.size += range[1];
    return [this.size - range[1], range[1]];
  }

  private settle(): void {
    if (!this.pending) return;
    this.sink.push({ file: this.id, from: this.pending.from, to: this.pending.to });
    this.pending = null;
  }

  /** Hands the gathered bytes over, in a buffer of their own (so that it can be moved to the worker, not copied). */
  flush(): void {
    this.settle();
    if (this.buffered === 0) return;
    const all = this.sink.scratch?.(this.buffered) ?? Buffer.allocUnsafeSlow(this.buffered);
    let at = 0;
    for (const p of this.parts) {
      all.set(p, at);
      at += p.length;
    }
    this.parts = [];
    this.buffered = 0;
    this.sink.push({ file: this.id, bytes: all });
  }
}

export type WriterReply = { type: 'done'; seq: number; files: (FileInfo & { id: number })[] } | { type: 'ack'; bytes: number } | { type: 'error'; message: string };
export type WriterMessage = { type: 'open'; files: FileSpec[] } | { type: 'ops'; ops: FileOp[]; bytes: number } | { type: 'close'; seq: number };

/** Runs operations on assemblers: the worker's loop, and the in-thread writer's. */
export function applyOps(assemblers: Map<number, FileAssembler>, ops: readonly FileOp[]): void {
  for (const op of ops) {
    const a = assemblers.get(op.file);
    if (!a) throw new Error(`unknown file ${op.file}`);
    if ('bytes' in op) a.bytes(op.bytes);
    else a.copy(op.from, op.to);
  }
}

const IN_FLIGHT_LIMIT = 16 << 20;

/**
 * A set of data files written together. `worker: true` assembles them on a worker thread: the builder goes on while
 * they are written, and waits only in close() (and when more than 16 MB are waiting to be written: memory stays flat).
 */
export class DataWriter {
  private readonly worker: WorkerLink<WriterMessage> | null;
  private readonly local = new Map<number, FileAssembler>();
  private readonly specs: FileSpec[] = [];
  private ops: FileOp[] = [];
  private opBytes = 0;
  private inFlight = 0;
  private failure: Error | null = null;
  private waiters: (() => void)[] = [];
  private closing: { resolve: (files: FileInfo[]) => void; reject: (err: Error) => void } | null = null;
  private opened = false;
  /** The in-thread writer's one buffer for gathered bytes: a new megabyte per batch was garbage and page faults. */
  private scratchBuffer: Buffer | null = null;

  constructor(options: { worker: boolean }) {
    // The writer holds little but the buffers it is handed: a small heap keeps the build under its memory budget.
    this.worker = options.worker
      ? startWorker<WriterMessage, WriterReply>(new URL('./row-writer-worker.ts', import.meta.url), {
        name: 'writing the open data', resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
        onMessage: (reply) => this.onReply(reply), onFailure: (err) => this.fail(err),
      })
      : null;
  }

  /** A file to assemble at `file` (recorded as `path`), copying unchanged rows from `previous`. */
  file(path: string, file: string, previous: string | null, options: { hash?: boolean; append?: boolean } = {}): DataFile {
    if (this.opened) throw new Error('all data files must be declared before the first write');
    const id = this.specs.length;
    const append = options.append === true;
    const spec: FileSpec = { id, path, file, previous: append ? null : previous, hash: options.hash !== false, append };
    this.specs.push(spec);
    const startsAt = append && existsSync(file) ? statSync(file).size : 0;
    const sink: Sink = this.worker ? { push: (op) => this.push(op) } : { push: (op) => this.push(op), scratch: (size) => this.scratch(size) };
    return new DataFile(id, path, sink, !append && previous !== null && existsSync(previous), startsAt);
  }

  private scratch(size: number): Buffer {
    if (!this.scratchBuffer || this.scratchBuffer.length < size) this.scratchBuffer = Buffer.allocUnsafeSlow(Math.max(size, 2 * BATCH_BYTES));
    return this.scratchBuffer.subarray(0, size);
  }

  private open(): void {
    if (this.opened) return;
    this.opened = true;
    if (this.worker) this.worker.post({ type: 'open', files: this.specs });
    else for (const s of this.specs) this.local.set(s.id, new FileAssembler(s));
  }

  private push(op: FileOp): void {
    this.open();
    if (!this.worker) {
      applyOps(this.local, [op]);
      return;
    }
    this.ops.push(op);
    this.opBytes += 'bytes' in op ? op.bytes.length : 0;
    if (this.opBytes >= 4 * BATCH_BYTES || this.ops.length >= 1000) this.send();
  }

  private send(): void {
    if (!this.worker || this.ops.length === 0) return;
    const ops = this.ops;
    const bytes = this.opBytes;
    this.ops = [];
    this.opBytes = 0;
    this.inFlight += bytes;
    const transfer = ops.flatMap((op) => ('bytes' in op ? [op.bytes.buffer as ArrayBuffer] : []));
    this.worker.post({ type: 'ops', ops, bytes }, transfer);
  }

  /** Resolves when the worker is not too far behind (at most 16 MB waiting): keeps memory flat on big builds. */
  async caughtUp(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.inFlight <= IN_FLIGHT_LIMIT) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
  }

  private onReply(reply: WriterReply): void {
    if (reply.type === 'ack') {
      this.inFlight -= reply.bytes;
      if (this.inFlight <= IN_FLIGHT_LIMIT) for (const w of this.waiters.splice(0)) w();
    } else if (reply.type === 'error') {
      this.fail(new Error(reply.message));
    } else {
      const byId = new Map(reply.files.map((f) => [f.id, f]));
      this.closing?.resolve(this.specs.map((s) => {
        const f = byId.get(s.id)!;
        return { path: f.path, sha256: f.sha256, size: f.size };
      }));
      this.closing = null;
      void this.worker?.end();
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiters.splice(0)) w();
    this.closing?.reject(err);
    this.closing = null;
  }

  /** Every file finished: their sizes and SHA-256 (empty for files declared without a hash), in declaration order. */
  async close(files: readonly DataFile[]): Promise<FileInfo[]> {
    for (const f of files) f.flush();
    this.open();
    if (!this.worker) return this.specs.map((s) => this.local.get(s.id)!.close());
    if (this.failure) throw this.failure;
    this.send();
    return new Promise<FileInfo[]>((resolve, reject) => {
      this.closing = { resolve, reject };
      this.worker!.post({ type: 'close', seq: 0 });
    });
  }

  /** Stops the worker, whatever state it is in (a failed build). */
  async abort(): Promise<void> {
    if (this.worker) await this.worker.end();
    const open = [...this.local.values()];
    this.local.clear();
    for (const a of open) {
      try {
        a.close();
      } catch {
        // The build is failing already; its own error is the one to report.
      }
    }
  }
}
