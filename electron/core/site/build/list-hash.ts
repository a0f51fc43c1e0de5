import { createHash } from 'node:crypto';

// A list page's input hash: what it shows besides its items (its list, its number, the tabs) and each item's summary
// hash (the summary holds the thread's id, address and everything its list item shows). At 100,000 threads a rebuild
// works out 19,000 of these, with each thread in five lists or more: joined as text from the threads' records each
// time, the summary hashes cost more than the hashing. Here a page hashes its items' bytes (ThreadGroups.summaryBytes).

const BYTES = 16;

export class ListHasher {
  private scratch = Buffer.alloc(0);
  private readonly fingerprint: string;
  private readonly bytes: Buffer;

  /** `summaries`: each thread's summary hash as 16 bytes, in site order. */
  constructor(fingerprint: string, summaries: Buffer) {
    this.fingerprint = fingerprint;
    this.bytes = summaries;
  }

  /** The hash of the page that shows `head` and the threads at `indexes[from..to)` (site positions). */
  page(head: string, indexes: readonly number[], from: number, to: number): string {
    const n = to - from;
    if (this.scratch.length < n * BYTES) this.scratch = Buffer.alloc(n * BYTES);
    const { bytes, scratch } = this;
    for (let k = 0; k < n; k++) {
      const src = indexes[from + k]! * BYTES;
      const dst = k * BYTES;
      for (let b = 0; b < BYTES; b++) scratch[dst + b] = bytes[src + b]!;
    }
    return createHash('sha256').update(`${this.fingerprint}\u0000list\u0000${head}\n`).update(scratch.subarray(0, n * BYTES)).digest('hex').slice(0, 32);
  }
}
