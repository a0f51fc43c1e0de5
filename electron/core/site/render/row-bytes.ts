import type { ThreadOutput } from './context.ts';

// A render worker hands a chunk's data rows and list items to the builder as UTF-8 bytes: one buffer per file per
// chunk, moved rather than copied (hundreds of megabytes at 100,000 threads).

export const ROW_FIELDS = ['card', 'json', 'threadsCsv', 'messagesCsv'] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/**
 * A chunk's rows of one kind, encoded as they are made (so the strings die young instead of outliving the chunk
 * and being copied by the garbage collector), then copied into one buffer of their own that can be moved.
 */
export class RowBytes {
  private buf = Buffer.allocUnsafeSlow(1 << 20);
  private at = 0;
  private readonly ends: number[] = [];

  reset(): void {
    this.at = 0;
    this.ends.length = 0;
  }

  add(text: string): void {
    const most = text.length * 3;
    if (this.at + most > this.buf.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + most));
      this.buf.copy(next, 0, 0, this.at);
      this.buf = next;
    }
    this.at += this.buf.write(text, this.at, 'utf8');
    this.ends.push(this.at);
  }

  /** The rows in a buffer of their own; each output points at its slice. */
  take(outputs: ThreadOutput[], field: RowField): ArrayBuffer {
    const out = Buffer.allocUnsafeSlow(this.at);
    this.buf.copy(out, 0, 0, this.at);
    let start = 0;
    this.ends.forEach((end, i) => {
      outputs[i]![field] = out.subarray(start, end);
      start = end;
    });
    this.reset();
    return out.buffer as ArrayBuffer;
  }
}
