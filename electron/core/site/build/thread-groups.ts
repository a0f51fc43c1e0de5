import { CandorError } from '../../errors.ts';
import { topicKey } from '../topics.ts';
import type { ThreadState } from './context.ts';

// What the list pages group the threads by (their kinds and topics) and what each list item contributes to its page's
// hash (its summary hash), gathered while the thread pages phase writes the threads in site order, when each thread's
// record is at hand. Gathered afterwards, it was a second walk over 100,000 records scattered in memory (at 100,000
// threads, the biggest part of a one-change rebuild's list pages phase).

export type Topic = { name: string; indexes: number[] };
type Spelling = { topic: Topic & { best: number }; n: number };

const SUMMARY_HEX = 32;

export class ThreadGroups {
  /** Kind -> indexes of its threads, in site order. */
  readonly byKind = new Map<string, number[]>();
  private readonly topics = new Map<string, Topic & { best: number }>();
  private readonly spellings = new Map<string, Spelling>();
  private readonly summaries: string[];
  private readonly ids: string[];

  constructor(count: number) {
    this.summaries = new Array<string>(count);
    this.ids = new Array<string>(count);
  }

  /** Thread `i` of the site. */
  add(i: number, t: Pick<ThreadState, 'id' | 'kind' | 'topics' | 'summaryHash'>): void {
    let k = this.byKind.get(t.kind);
    if (!k) this.byKind.set(t.kind, (k = []));
    k.push(i);
    // A site has a few dozen spellings of topics: each one knows its topic, so a thread costs a look-up per spelling.
    for (const name of t.topics) {
      let spelling = this.spellings.get(name);
      if (!spelling) {
        const key = topicKey(name);
        let topic = this.topics.get(key);
        if (!topic) this.topics.set(key, (topic = { name, indexes: [], best: -1 }));
        this.spellings.set(name, (spelling = { topic, n: 0 }));
      }
      spelling.n++;
      spelling.topic.indexes.push(i);
    }
    this.summaries[i] = t.summaryHash;
    this.ids[i] = t.id;
  }

  /**
   * The topics by key, sorted. A topic spelt several ways ("Late delivery", "late_delivery", "LATE DELIVERY") is named
   * as most conversations spell it; a tie goes to the spelling that sorts first, so every build names it the same.
   */
  sortedTopics(): [string, Topic][] {
    for (const [name, { topic, n }] of this.spellings) {
      if (n > topic.best || (n === topic.best && name < topic.name)) [topic.name, topic.best] = [name, n];
    }
    return [...this.topics.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Every thread's summary hash as 16 bytes, in site order, decoded in one call (a call per thread cost more than
   * hashing every list page). Summary hashes are made by render/context.ts (32 hex digits): anything else would hash
   * as other bytes, so it stops the build, naming the thread.
   */
  summaryBytes(): Buffer {
    const { summaries } = this;
    for (let i = 0; i < summaries.length; i++) if (summaries[i]?.length !== SUMMARY_HEX) throw this.invalid(i);
    const bytes = Buffer.from(summaries.join(''), 'hex');
    // Decoding stops at the first character that is not a hex digit: then fewer bytes came out.
    if (bytes.length !== (summaries.length * SUMMARY_HEX) / 2) throw this.invalid(summaries.findIndex((h) => !/^[0-9a-f]{32}$/.test(h)));
    return bytes;
  }

  private invalid(i: number): CandorError {
    return new CandorError('INTERNAL', `Thread ${this.ids[i] ?? `#${i + 1}`} has no valid summary hash ("${this.summaries[i] ?? ''}").`);
  }
}
