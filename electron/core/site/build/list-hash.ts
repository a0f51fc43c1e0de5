import { createHash } from 'node:crypto';
import { CandorError } from '../../errors.ts';

// A list page's input hash: what it shows besides its items (its list, its number, the tabs) and each item's summary
// hash (the summary holds the thread's id, address and everything its list item shows). At 100,000 threads a rebuild
// works out 19,000 of these, with each thread in five lists or more: read from the threads' records each time and
// joined as text, the summary hashes cost more than the hashing. Here they are read once, as 16 bytes each in site
// order, and a page hashes its items' bytes.

const BYTES = 16;
const HEX = /^[0-9a-f]{32}$/;

export class ListHasher {
  private readonly bytes: Buffer;
  private scratch = Buffer.alloc(0);
  private readonly fingerprint: string;

  constructor(fingerprint: string, threads: readonly { id: string; summaryHash: string }[]) {
    this.fingerprint = fingerprint;
    this.bytes = Buffer.alloc(threads.length * BYTES);
    for (let i = 0; i < threads.length; i++) {
      const t = threads[i]!;
      // Summary hashes are made by render/context.ts (32 hex digits); anything else would hash as other bytes.
      if (!HEX.test(t.summaryHash)) throw new CandorError('INTERNAL', `Thread ${t.id} has no valid summary hash ("${t.summaryHash}").`);
      this.bytes.write(t.summaryHash, i * BYTES, BYTES, 'hex');
    }
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
