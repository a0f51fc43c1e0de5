import { createHash } from 'node:crypto';
import { z } from 'zod';

// The publication log: what each build changed since the previous published build, in entries that form a hash
// chain. Each entry carries the SHA-256 of the entry before it and of the previous build's manifest.json, so a
// history with an entry cut out or edited no longer links up, and `candor verify` names the break. The pure part is
// here (the diff between two publication states, the entry, the chain check); reading and recording the state is
// publication-store.ts.

export const CHANGES_FILE = 'data/changes.json';
const CHANGES_FORMAT = 'candor-publication-log';

/** What was published at a build: item ('thread:<id>' / 'claim:<id>') -> a version that changes when it does. */
export type PublicationState = Map<string, string>;

const WithdrawnThread = z.strictObject({ id: z.string(), reason: z.string(), reason_label: z.string() });
const ClaimChange = z.strictObject({ id: z.string(), title: z.string(), revision: z.number().int().nullable() });

export const LogEntry = z.strictObject({
  seq: z.number().int().positive(),
  /** The build's date: the last change to the records it includes (builds never read the clock). */
  date: z.string().nullable(),
  data_version: z.number().int(),
  previous_entry: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  previous_manifest: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  threads: z.strictObject({ added: z.array(z.string()), updated: z.array(z.string()), withdrawn: z.array(WithdrawnThread) }),
  claims: z.strictObject({ added: z.array(ClaimChange), revised: z.array(ClaimChange), retired: z.array(ClaimChange), withdrawn: z.array(ClaimChange) }),
  published: z.strictObject({ threads: z.number().int(), claims: z.number().int() }),
});
export type LogEntry = z.infer<typeof LogEntry>;

/**
 * A conversation erased at a customer's request (GDPR Art. 17) leaves no id behind, not even in the history: its id
 * in every entry becomes "erased:" and the id's commitment (a SHA-256 of it). The chain is computed over the
 * commitments, so erasing an id changes no entry's hash and the history still verifies.
 */
export const ERASED = 'erased:';

function commitment(id: string): string {
  return id.startsWith(ERASED) ? id.slice(ERASED.length) : createHash('sha256').update(`candor-thread\u0000${id}`).digest('hex');
}

/** The form of a thread id in the log once its conversation is erased. */
export function erasedRef(id: string): string {
  return `${ERASED}${commitment(id)}`;
}

export function isErasedRef(id: string): boolean {
  return id.startsWith(ERASED);
}

/** An entry's hash: over its JSON as published (one line of data/changes.json), each conversation id by its commitment. */
export function entryHash(entry: LogEntry): string {
  const sealed = {
    ...entry,
    threads: {
      added: entry.threads.added.map(commitment),
      updated: entry.threads.updated.map(commitment),
      withdrawn: entry.threads.withdrawn.map((w) => ({ ...w, id: commitment(w.id) })),
    },
  };
  return createHash('sha256').update(JSON.stringify(sealed)).digest('hex');
}

/** The entry with the given conversations' ids replaced by their erased form; its hash is unchanged. */
export function eraseFromEntry(entry: LogEntry, ids: ReadonlySet<string>): LogEntry {
  const scrub = (id: string) => (ids.has(id) ? erasedRef(id) : id);
  return {
    ...entry,
    threads: {
      added: entry.threads.added.map(scrub),
      updated: entry.threads.updated.map(scrub),
      withdrawn: entry.threads.withdrawn.map((w) => (ids.has(w.id) ? { ...w, id: erasedRef(w.id) } : w)),
    },
  };
}

export const ERASED_LABEL = 'Erased from our records (for example at the customer\'s request)';

/** Items added, changed and gone between two states (or between the same items of two states), each list sorted. */
export type StateDiff = { added: string[]; updated: string[]; removed: string[] };

/** How many conversations and claims a state publishes (an entry's `published`). */
export type Published = LogEntry['published'];

export function diffStates(before: PublicationState, after: PublicationState): StateDiff {
  const added: string[] = [];
  const updated: string[] = [];
  const removed: string[] = [];
  for (const [item, version] of after) {
    const was = before.get(item);
    if (was === undefined) added.push(item);
    else if (was !== version) updated.push(item);
  }
  for (const item of before.keys()) if (!after.has(item)) removed.push(item);
  return { added: added.sort(), updated: updated.sort(), removed: removed.sort() };
}

export function countPublished(state: PublicationState): Published {
  let threads = 0;
  let claims = 0;
  for (const item of state.keys()) {
    if (item.startsWith('thread:')) threads++;
    else claims++;
  }
  return { threads, claims };
}

function isEmptyDiff(d: StateDiff): boolean {
  return d.added.length === 0 && d.updated.length === 0 && d.removed.length === 0;
}

export type ClaimInfo = { title: string; revision: number; status: 'published' | 'retired' };

/**
 * The next entry, or null when nothing was added, updated or withdrawn since the previous one (a build of the same
 * records adds nothing, so building again gives the same site). `diff`: what changed since the previous entry;
 * `published`: what is published now; `before`: the previous versions of (at least) every claim, which tell a claim
 * retired now from one revised while retired. `why` says why each withdrawn conversation is no longer published;
 * `claims` describes the claims published now and before.
 */
export function nextEntry(input: {
  previous: { entry: LogEntry; manifest: string | null } | null;
  diff: StateDiff;
  published: Published;
  before: PublicationState;
  date: string | null;
  dataVersion: number;
  why: (threadId: string) => { reason: string; label: string };
  claims: { now: Map<string, ClaimInfo>; before: Map<string, { title: string }> };
}): LogEntry | null {
  const { diff } = input;
  if (input.previous && isEmptyDiff(diff)) return null;
  const of = (kind: 'thread' | 'claim', items: string[]) => items.filter((i) => i.startsWith(`${kind}:`)).map((i) => i.slice(kind.length + 1));
  const claim = (id: string): z.infer<typeof ClaimChange> => {
    const now = input.claims.now.get(id);
    return { id, title: now?.title ?? input.claims.before.get(id)?.title ?? id, revision: now?.revision ?? null };
  };
  const revisedOrRetired = of('claim', diff.updated).map(claim);
  // A claim version is "<status>:<revision>": one that became retired is retired; any other change is a revision.
  const retiredNow = (c: { id: string }) => input.claims.now.get(c.id)?.status === 'retired' && !input.before.get(`claim:${c.id}`)?.startsWith('retired:');
  return {
    seq: input.previous ? input.previous.entry.seq + 1 : 1,
    date: input.date,
    data_version: input.dataVersion,
    previous_entry: input.previous ? entryHash(input.previous.entry) : null,
    previous_manifest: input.previous?.manifest ?? null,
    threads: {
      added: of('thread', diff.added),
      updated: of('thread', diff.updated),
      withdrawn: of('thread', diff.removed).map((id) => {
        const w = input.why(id);
        return { id, reason: w.reason, reason_label: w.label };
      }),
    },
    claims: {
      added: of('claim', diff.added).map(claim),
      revised: revisedOrRetired.filter((c) => !retiredNow(c)),
      retired: revisedOrRetired.filter(retiredNow),
      withdrawn: of('claim', diff.removed).map(claim),
    },
    published: { threads: input.published.threads, claims: input.published.claims },
  };
}

/** data/changes.json: one entry a line, oldest first, so each line is the exact text its hash is over. */
export function serializeLog(entries: readonly LogEntry[]): string {
  return `{"format":"${CHANGES_FORMAT}","version":1,"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

function missing(from: number, to: number): string {
  return from >= to ? `entry ${from} is missing` : `entries ${from} to ${to} are missing`;
}

/** A break in the published history, named, or null when the chain links up from entry 1 to the last. */
export function checkChain(text: string): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return `${CHANGES_FILE} is not valid JSON`;
  }
  const file = z.object({ format: z.literal(CHANGES_FORMAT), version: z.literal(1), entries: z.array(z.unknown()) }).safeParse(raw);
  if (!file.success) return `${CHANGES_FILE} is not a Candor publication log`;
  const entries: LogEntry[] = [];
  for (const [i, e] of file.data.entries.entries()) {
    const parsed = LogEntry.safeParse(e);
    if (!parsed.success) return `${CHANGES_FILE}: entry ${i + 1} is not a valid log entry`;
    entries.push(parsed.data);
  }
  if (entries.length === 0) return `${CHANGES_FILE} holds no entry: the history was cut`;
  const first = entries[0]!;
  if (first.seq !== 1 || first.previous_entry !== null) return `the history was cut: it starts at entry ${first.seq}, so ${missing(1, first.seq - 1)}`;
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1]!;
    const e = entries[i]!;
    if (e.seq !== prev.seq + 1) {
      return e.seq > prev.seq + 1
        ? `the history was cut: entry ${e.seq} follows entry ${prev.seq}, so ${missing(prev.seq + 1, e.seq - 1)}`
        : `the history was rearranged: entry ${e.seq} follows entry ${prev.seq}`;
    }
    if (e.previous_entry !== entryHash(prev)) return `the history was edited: entry ${prev.seq} is not the entry that entry ${e.seq} follows (its SHA-256 does not match the one entry ${e.seq} carries)`;
  }
  return null;
}
