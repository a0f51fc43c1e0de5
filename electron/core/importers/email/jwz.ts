// Message threading after Jamie Zawinski's algorithm (jwz.org/doc/threading.html, as RFC 5256 REFERENCES uses it):
// containers keyed by Message-ID, References chains linked without loops, placeholders for parents that are not in
// the file, empty containers pruned. Two departures, both to keep unrelated mail apart:
//  - Roots are not merged merely because their subjects match: only a reply ("Re: …") that carries no References
//    and no In-Reply-To at all is attached by subject, to an earlier root with the same subject and a shared
//    participant.
//  - Gmail's X-GM-THRID, when present, decides: messages with the same Gmail thread id are one thread, and a
//    References link between two different Gmail threads is not followed.

export type MailItem = {
  /** Index of the message in the file or folder; the caller's handle. */
  key: number;
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
};

export type MailThread = {
  /** Stable id: Gmail's thread id, else the Message-ID of the root container (a placeholder's id included). */
  id: string;
  /** Messages, in tree order (parents before their replies). */
  items: MailItem[];
  /** Keys of messages that reply to a message present in the thread: their quoted history may be folded. */
  replies: Set<number>;
};

type Container = {
  id: string;
  item: MailItem | null;
  parent: Container | null;
  children: Container[];
};

function isAncestor(candidate: Container, of: Container): boolean {
  for (let c: Container | null = of; c; c = c.parent) if (c === candidate) return true;
  return false;
}

function unlink(c: Container): void {
  if (!c.parent) return;
  const siblings = c.parent.children;
  const i = siblings.indexOf(c);
  if (i !== -1) siblings.splice(i, 1);
  c.parent = null;
}

function link(parent: Container, child: Container): void {
  if (parent === child || isAncestor(child, parent)) return; // would make a loop
  unlink(child);
  child.parent = parent;
  parent.children.push(child);
}

/** Parent chain of a message: References, else In-Reply-To; its own id and repeats removed. */
function parentChain(item: MailItem): string[] {
  const refs: string[] = [];
  const seen = new Set<string>([item.messageId]);
  for (const r of item.references) {
    if (!seen.has(r)) {
      seen.add(r);
      refs.push(r);
    }
  }
  // A client that sent In-Reply-To but a References list not ending in it: the direct parent is In-Reply-To.
  if (item.inReplyTo && !seen.has(item.inReplyTo)) refs.push(item.inReplyTo);
  return refs;
}

export function threadMessages(input: readonly MailItem[]): MailThread[] {
  const table = new Map<string, Container>();
  const containerFor = (id: string): Container => {
    let c = table.get(id);
    if (!c) {
      c = { id, item: null, parent: null, children: [] };
      table.set(id, c);
    }
    return c;
  };

  const items: MailItem[] = [];
  for (const item of input) {
    const c = containerFor(item.messageId);
    if (c.item) continue; // the same Message-ID twice (a copy in two folders): one message
    c.item = item;
    items.push(item);
  }

  for (const item of items) {
    const c = table.get(item.messageId)!;
    const chain = parentChain(item);
    for (let i = 0; i + 1 < chain.length; i++) {
      const parent = containerFor(chain[i]!);
      const child = containerFor(chain[i + 1]!);
      // Earlier messages' own References are trusted over what a later message claims about them.
      if (!child.parent && child !== c && !isAncestor(child, parent)) link(parent, child);
    }
    const last = chain.length ? containerFor(chain[chain.length - 1]!) : null;
    if (last && last !== c && !isAncestor(c, last)) link(last, c);
    else if (!last) unlink(c);
  }

  // Roots, then prune: an empty container with no children vanishes; an empty non-root container hands its children
  // to its parent. An empty root keeps its children together (one thread whose first message is missing).
  let roots = [...table.values()].filter((c) => !c.parent);
  const prune = (c: Container): void => {
    for (const child of [...c.children]) prune(child);
    if (c.item || !c.parent) return;
    const parent = c.parent;
    unlink(c);
    for (const child of [...c.children]) {
      child.parent = null;
      link(parent, child);
    }
  };
  for (const r of roots) prune(r);
  roots = roots.filter((r) => r.item || r.children.length > 0);
  // An empty root with one child is just that child's thread.
  roots = roots.map((r) => {
    if (!r.item && r.children.length === 1) {
      const only = r.children[0]!;
      // Keep the placeholder's id as the thread id: it is what the thread will be called once the parent arrives.
      return { ...only, id: r.id, parent: null };
    }
    return r;
  });

  // Subject fallback for replies from clients that send no threading headers at all.
  const bySubject = new Map<string, Container[]>();
  const firstTime = (c: Container): number => {
    let t = c.item?.time ?? Number.POSITIVE_INFINITY;
    for (const ch of c.children) t = Math.min(t, firstTime(ch));
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  const sorted = roots.map((r) => ({ r, t: firstTime(r) })).sort((a, b) => a.t - b.t).map(({ r }) => r);
  const merged = new Set<Container>();
  for (const r of sorted) {
    const item = r.item;
    if (item && item.replyPrefix && item.references.length === 0 && !item.inReplyTo && item.baseSubject) {
      const candidates = bySubject.get(item.baseSubject) ?? [];
      const target = [...candidates].reverse().find((cand) => sharesParticipant(cand, item));
      if (target) {
        r.parent = target;
        target.children.push(r);
        merged.add(r);
        continue;
      }
    }
    if (item?.baseSubject) bySubject.set(item.baseSubject, [...(bySubject.get(item.baseSubject) ?? []), r]);
  }
  roots = roots.filter((r) => !merged.has(r));

  const threads: MailThread[] = roots.map((root) => {
    const list: MailItem[] = [];
    const replies = new Set<number>();
    // Only a message below a message that is in the file repeats history the thread already holds.
    const walk = (c: Container, realAbove: boolean): void => {
      if (c.item) {
        list.push(c.item);
        if (realAbove) replies.add(c.item.key);
      }
      for (const ch of c.children) walk(ch, realAbove || c.item !== null);
    };
    walk(root, false);
    return { id: root.id, items: list, replies };
  });
  return applyGmailThreads(threads);
}

function sharesParticipant(root: Container, item: MailItem): boolean {
  const mine = new Set(item.participants);
  const check = (c: Container): boolean => (c.item?.participants.some((p) => mine.has(p)) ?? false) || c.children.some(check);
  return check(root);
}

/**
 * Regroups by Gmail thread id where messages carry one: a JWZ thread whose messages name several Gmail threads is
 * split along them, and Gmail threads spread over several JWZ threads are joined. Messages without an id stay with
 * the Gmail thread of the JWZ thread they are in (or their JWZ thread when it has none).
 */
function applyGmailThreads(threads: MailThread[]): MailThread[] {
  if (!threads.some((t) => t.items.some((i) => i.gmailThreadId))) return threads;
  const groups = new Map<string, MailThread>();
  const out: MailThread[] = [];
  for (const t of threads) {
    const ids = [...new Set(t.items.map((i) => i.gmailThreadId).filter((x): x is string => x !== null))];
    if (ids.length === 0) {
      out.push(t);
      continue;
    }
    for (const item of t.items) {
      const gid = item.gmailThreadId ?? ids[0]!;
      let g = groups.get(gid);
      if (!g) {
        g = { id: `gmail-thread:${gid}`, items: [], replies: new Set() };
        groups.set(gid, g);
        out.push(g);
      }
      g.items.push(item);
      if (t.replies.has(item.key)) g.replies.add(item.key);
    }
  }
  return out;
}

const PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|vs|antw|rif|tr|ref)(\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+/i;

/** "Re: [list] Fwd: Hello" → { base: "hello", reply: true }. */
export function baseSubject(subject: string): { base: string; reply: boolean } {
  const m = PREFIX.exec(subject);
  const stripped = m ? subject.slice(m[0].length) : subject;
  const reply = m ? /(re|fw|fwd|aw|wg|sv|vs|antw|rif|tr|ref)(\[\d+\])?\s*:/i.test(m[0]) : false;
  return { base: stripped.replace(/\s+/g, ' ').trim().toLowerCase(), reply };
}
