import { createHash } from 'node:crypto';
import { CandorError } from '../../errors.ts';

// A list page's input hash: what it shows besides its items (its list, its number, the tabs) and each item's summary
// hash (the summary holds the thread's id, address and everything its list item shows). At 100,000 threads a rebuild
// works out 19,000 of these, with each thread in five lists or more: read from the threads' records each time and
// joined as text, the summary hashes cost more than the hashing. Here they are read once, as 16 bytes each in site
// order, and a page hashes its items' bytes.

const BYTES = 16;
const HEX = /^[0-9a-f]{32}$/;

/** Summary hashes are made by render/context.ts (32 hex digits): anything else would hash as other bytes. */
function invalid(thread: { id: string; summaryHash: string }): CandorError {
  return new CandorError('INTERNAL', `Thread ${thread.id} has no valid summary hash ("${thread.summaryHash}").`);
}

export class ListHasher {
  private readonly bytes: Buffer;
  private scratch = Buffer.alloc(0);
  private readonly fingerprint: string;

  constructor(fingerprint: string, threads: readonly { id: string; summaryHash: string }[]) {
    this.fingerprint = fingerprint;
    // One decode of all of them: a call per thread cost more than the hashing of every page.
    const hex = new Array<string>(threads.length);
    for (let i = 0; i < threads.length; i++) {
      const h = threads[i]!.summaryHash;
      if (h.length !== BYTES * 2) throw invalid(threads[i]!);
      hex[i] = h;
    }
    this.bytes = Buffer.from(hex.join(''), 'hex');
    // Decoding stops at the first character that is not a hex digit: then fewer bytes came out.
    if (this.bytes.length !== threads.length * BYTES) throw invalid(threads.find((t) => !HEX.test(t.summaryHash))!);
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
