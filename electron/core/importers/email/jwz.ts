// Message threading after Jamie Zawinski's algorithm (jwz.org/doc/threading.html, as RFC 5256 REFERENCES uses it):
// containers keyed by Message-ID, References chains linked without loops, placeholders for parents that are not in
// the file, empty containers pruned. Two departures, both to keep unrelated mail apart:
//  - Roots are not merged merely because their subjects match: only a reply ("Re: …") that carries no References
//    and no In-Reply-To at all is attached by subject, to an earlier root with the same subject and a shared
//    participant.
//  - Gmail's X-GM-THRID, when present, decides: messages with the same Gmail thread id are one thread, and a
//    References link between two different Gmail threads is not followed.
//
// The threader is fed one message's headers at a time and links as it goes (JWZ's first step needs nothing later),
// so the caller never holds References lists: what stays per message is its Message-ID and a few numbers in typed
// arrays (about a hundred bytes), whatever the size of the message.

export type MailHeaders = {
  messageId: string;
  /** References in order, oldest first. */
  references: readonly string[];
  inReplyTo: string | null;
  /** Subject without Re:/Fwd: prefixes, lowercased, for the subject fallback. */
  baseSubject: string;
  /** The subject said Re:/Fwd:/AW:/SV: … */
  replyPrefix: boolean;
  /** Lowercased addresses of From, To and Cc. */
  participants: readonly string[];
  /** Milliseconds since the epoch, or NaN when unknown. */
  time: number;
  gmailThreadId: string | null;
  /** Why the message is automated mail (a bounce, an auto-reply, bulk mail), or null for a person's message. */
  automated?: string | null;
};

export type MailThread = {
  /** Stable id: Gmail's thread id, else the Message-ID of the root container (a placeholder's id included). */
  id: string;
  /** The messages' keys (the order they were added in, from 0), in tree order: parents before their replies. */
  keys: number[];
};

const NONE = -1;
const PEOPLE = 4; // participant hashes kept per message

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0 || 1; // 0 means "none"
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number, make: (n: number) => T, fill?: number): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2));
  b.set(a);
  if (fill !== undefined) b.fill(fill, a.length);
  return b;
}

/** A thread's root while threads are listed: where to walk from, its name, its first message's time. */
type Root = { start: number; id: string; first: number };

export class Threader {
  // Containers: one per Message-ID seen, in a message's own header or in a reference.
  private readonly byId = new Map<string, number>();
  private readonly idOf: string[] = [];
  private parent = new Int32Array(1024).fill(NONE);
  private firstChild = new Int32Array(1024).fill(NONE);
  private nextSibling = new Int32Array(1024).fill(NONE);
  private messageOf = new Int32Array(1024).fill(NONE);
  // Messages, by key.
  private count = 0;
  private containerOf = new Int32Array(1024);
  private time = new Float64Array(1024);
  /** bit 0: "Re:" subject; bit 1: has References or In-Reply-To; bit 2: replies to a message that is here. */
  private flags = new Uint8Array(1024);
  private subjectHash = new Int32Array(1024);
  private people = new Int32Array(1024 * PEOPLE);
  private readonly gmail = new Map<number, string>();

  private container(id: string): number {
    let c = this.byId.get(id);
    if (c === undefined) {
      c = this.idOf.length;
      this.idOf.push(id);
      this.byId.set(id, c);
      const n = c + 1;
      this.parent = grow(this.parent, n, (k) => new Int32Array(k), NONE);
      this.firstChild = grow(this.firstChild, n, (k) => new Int32Array(k), NONE);
      this.nextSibling = grow(this.nextSibling, n, (k) => new Int32Array(k), NONE);
      this.messageOf = grow(this.messageOf, n, (k) => new Int32Array(k), NONE);
    }
    return c;
  }

  private isAncestor(candidate: number, of: number): boolean {
    for (let c = of; c !== NONE; c = this.parent[c]!) if (c === candidate) return true;
    return false;
  }

  private unlink(c: number): void {
    const p = this.parent[c]!;
    if (p === NONE) return;
    if (this.firstChild[p] === c) this.firstChild[p] = this.nextSibling[c]!;
    else {
      let s = this.firstChild[p]!;
      while (s !== NONE && this.nextSibling[s] !== c) s = this.nextSibling[s]!;
      if (s !== NONE) this.nextSibling[s] = this.nextSibling[c]!;
    }
    this.nextSibling[c] = NONE;
    this.parent[c] = NONE;
  }

  /** Appends `child` to `parent`'s children (after its siblings, so replies keep the order they came in). */
  private link(parent: number, child: number): void {
    if (parent === child || this.isAncestor(child, parent)) return; // would make a loop
    this.unlink(child);
    this.parent[child] = parent;
    let s = this.firstChild[parent]!;
    if (s === NONE) this.firstChild[parent] = child;
    else {
      while (this.nextSibling[s] !== NONE) s = this.nextSibling[s]!;
      this.nextSibling[s] = child;
    }
  }

  private children(c: number): number[] {
    const out: number[] = [];
    for (let s = this.firstChild[c]!; s !== NONE; s = this.nextSibling[s]!) out.push(s);
    return out;
  }

  /** Adds one message; returns its key, or null when its Message-ID was seen before (a copy: one message). */
  add(h: MailHeaders): number | null {
    const c = this.container(h.messageId);
    if (this.messageOf[c] !== NONE) return null;
    const key = this.count++;
    const n = this.count;
    this.containerOf = grow(this.containerOf, n, (k) => new Int32Array(k));
    this.time = grow(this.time, n, (k) => new Float64Array(k));
    this.flags = grow(this.flags, n, (k) => new Uint8Array(k));
    this.subjectHash = grow(this.subjectHash, n, (k) => new Int32Array(k));
    this.people = grow(this.people, n * PEOPLE, (k) => new Int32Array(k));
    this.messageOf[c] = key;
    this.containerOf[key] = c;
    this.time[key] = h.time;
    this.subjectHash[key] = h.baseSubject ? hash(h.baseSubject) : 0;
    h.participants.slice(0, PEOPLE).forEach((p, i) => { this.people[key * PEOPLE + i] = hash(p); });
    if (h.gmailThreadId) this.gmail.set(key, h.gmailThreadId);

    // Parent chain: References, else In-Reply-To; the message's own id and repeats removed. A client that sent
    // In-Reply-To but a References list not ending in it: the direct parent is In-Reply-To.
    const chain: string[] = [];
    const seen = new Set<string>([h.messageId]);
    for (const r of h.references) {
      if (!seen.has(r)) {
        seen.add(r);
        chain.push(r);
      }
    }
    if (h.inReplyTo && !seen.has(h.inReplyTo)) chain.push(h.inReplyTo);
    this.flags[key] = (h.replyPrefix ? 1 : 0) | (chain.length > 0 ? 2 : 0);

    for (let i = 0; i + 1 < chain.length; i++) {
      const parent = this.container(chain[i]!);
      const child = this.container(chain[i + 1]!);
      // Earlier messages' own References are trusted over what a later message claims about them.
      if (this.parent[child] === NONE && child !== c && !this.isAncestor(child, parent)) this.link(parent, child);
    }
    if (chain.length) {
      const last = this.container(chain[chain.length - 1]!);
      if (last !== c && !this.isAncestor(c, last)) this.link(last, c);
    } else this.unlink(c);
    return key;
  }

  /** What the second pass needs of a message: its id, time (NaN when unknown) and whether its subject said "Re:". */
  message(key: number): { messageId: string; time: number; replyPrefix: boolean } {
    return { messageId: this.idOf[this.containerOf[key]!]!, time: this.time[key]!, replyPrefix: (this.flags[key]! & 1) !== 0 };
  }

  /** The message was a reply to one that is in the file: its quoted history may be folded. Valid after finish(). */
  repliesToPresent(key: number): boolean {
    return (this.flags[key]! & 4) !== 0;
  }

  /** Prunes, groups and lists the threads. Call once, after the last add. */
  finish(): MailThread[] {
    const roots = this.threadRoots(this.prune());
    const merged = this.mergeBySubject(roots);
    const threads: MailThread[] = [];
    for (const r of roots) {
      if (merged.has(r)) continue;
      const keys: number[] = [];
      this.walk(r.start, (c, realAbove) => {
        const m = this.messageOf[c]!;
        if (m === NONE) return;
        keys.push(m);
        if (realAbove) this.flags[m]! |= 4;
      });
      threads.push({ id: r.id, keys });
    }
    return this.applyGmailThreads(threads);
  }

  /**
   * An empty container with no children vanishes; an empty non-root container hands its children to its parent. An
   * empty root keeps its children together (one thread whose first message is missing). Post-order. Returns the roots.
   */
  private prune(): number[] {
    const order: number[] = [];
    const stack: number[] = [];
    for (let c = 0; c < this.idOf.length; c++) if (this.parent[c] === NONE) stack.push(c);
    const roots = [...stack];
    while (stack.length) {
      const c = stack.pop()!;
      order.push(c);
      for (const ch of this.children(c)) stack.push(ch);
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const c = order[i]!;
      const p = this.parent[c]!;
      if (this.messageOf[c] !== NONE || p === NONE) continue;
      const kids = this.children(c);
      this.unlink(c);
      for (const k of kids) {
        this.parent[k] = NONE;
        this.nextSibling[k] = NONE;
        this.link(p, k);
      }
      this.firstChild[c] = NONE;
    }
    return roots;
  }

  /**
   * Each root: the container to walk from, the thread's name and its first message's time. An empty root with one
   * child is that child's thread, named after the missing parent: the name it will keep once the parent is imported.
   */
  private threadRoots(containers: readonly number[]): Root[] {
    const roots: Root[] = [];
    for (const r of containers) {
      if (this.messageOf[r] === NONE && this.firstChild[r] === NONE) continue;
      const kids = this.messageOf[r] === NONE ? this.children(r) : [];
      roots.push({ start: kids.length === 1 ? kids[0]! : r, id: this.idOf[r]!, first: Number.POSITIVE_INFINITY });
    }
    for (const r of roots) {
      this.walk(r.start, (c) => {
        const m = this.messageOf[c]!;
        if (m !== NONE && !Number.isNaN(this.time[m]!)) r.first = Math.min(r.first, this.time[m]!);
      });
    }
    return roots;
  }

  /** Depth-first from a container; `realAbove` says whether a real message sits above the one visited. */
  private walk(start: number, visit: (c: number, realAbove: boolean) => void): void {
    const todo: [number, boolean][] = [[start, false]];
    while (todo.length) {
      const [c, realAbove] = todo.pop()!;
      visit(c, realAbove);
      const below = realAbove || this.messageOf[c] !== NONE;
      const kids = this.children(c);
      for (let i = kids.length - 1; i >= 0; i--) todo.push([kids[i]!, below]);
    }
  }

  /** Subject fallback for replies from clients that send no threading headers at all; returns the roots merged away. */
  private mergeBySubject(roots: readonly Root[]): Set<Root> {
    const bySubject = new Map<number, Root[]>();
    const merged = new Set<Root>();
    for (const r of [...roots].sort((a, b) => a.first - b.first)) {
      const m = this.messageOf[r.start]!;
      const subject = m === NONE ? 0 : this.subjectHash[m]!;
      if (m !== NONE && (this.flags[m]! & 3) === 1 && subject !== 0) {
        const target = [...(bySubject.get(subject) ?? [])].reverse().find((cand) => this.sharesParticipant(cand.start, m));
        if (target) {
          this.link(target.start, r.start);
          merged.add(r);
          continue;
        }
      }
      if (subject !== 0) bySubject.set(subject, [...(bySubject.get(subject) ?? []), r]);
    }
    return merged;
  }

  private sharesParticipant(root: number, m: number): boolean {
    const mine = new Set<number>();
    for (let i = 0; i < PEOPLE; i++) if (this.people[m * PEOPLE + i]) mine.add(this.people[m * PEOPLE + i]!);
    let found = false;
    const todo = [root];
    while (todo.length && !found) {
      const c = todo.pop()!;
      const k = this.messageOf[c]!;
      if (k !== NONE) for (let i = 0; i < PEOPLE; i++) if (mine.has(this.people[k * PEOPLE + i]!)) found = true;
      todo.push(...this.children(c));
    }
    return found;
  }

  /**
   * Regroups by Gmail thread id where messages carry one: a JWZ thread whose messages name several Gmail threads is
   * split along them, and Gmail threads spread over several JWZ threads are joined. Messages without an id stay with
   * the Gmail thread of the JWZ thread they are in (or their JWZ thread when it has none).
   */
  private applyGmailThreads(threads: MailThread[]): MailThread[] {
    if (this.gmail.size === 0) return threads;
    const groups = new Map<string, MailThread>();
    const out: MailThread[] = [];
    for (const t of threads) {
      const ids = [...new Set(t.keys.map((k) => this.gmail.get(k)).filter((x): x is string => x !== undefined))];
      if (ids.length === 0) {
        out.push(t);
        continue;
      }
      for (const k of t.keys) {
        const gid = this.gmail.get(k) ?? ids[0]!;
        let g = groups.get(gid);
        if (!g) {
          g = { id: `gmail-thread:${gid}`, keys: [] };
          groups.set(gid, g);
          out.push(g);
        }
        g.keys.push(k);
      }
    }
    return out;
  }
}

const PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|antw|rif|tr|ref)(\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+/i;

/** "Re: [list] Fwd: Hello" → { base: "hello", reply: true }. */
export function baseSubject(subject: string): { base: string; reply: boolean } {
  const m = PREFIX.exec(subject);
  const stripped = m ? subject.slice(m[0].length) : subject;
  const reply = m ? /(re|fw|fwd|aw|wg|sv|vs|antw|rif|tr|ref)(\[\d+\])?\s*:/i.test(m[0]) : false;
  return { base: stripped.replace(/\s+/g, ' ').trim().toLowerCase(), reply };
}
