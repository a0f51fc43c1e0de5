import { describe, expect, it } from 'vitest';
import type { BuildState } from '../../electron/core/site/build-state.ts';
import { threadAt, threadColumns } from '../../electron/core/site/saved-threads.ts';
import type { ThreadRecord } from '../../electron/core/site/saved-threads.ts';
import { CHUNK, planBuild, ROW_FILES, WORKERS_FROM } from '../../electron/core/site/build/plan.ts';
import type { PreviousBuild } from '../../electron/core/site/build/plan.ts';
import type { ManifestFile } from '../../electron/core/site/manifest.ts';
import { threadUrl } from '../../electron/core/site/pages.ts';
import { bundleDir, membershipHash, SHARD_SIZE } from '../../electron/core/site/search/shards.ts';
import type { ThreadKey } from '../../electron/core/site/site-data.ts';

// What a build must do follows from the previous build, what changed since and what is asked: worked out without the
// disk or the database. Threads are newest first; search shards are counted from the oldest thread.

const keys = (n: number, prefix = 't'): ThreadKey[] => Array.from({ length: n }, (_, i) => ({ rowid: i + 1, id: `${prefix}${n - i}`, openedAt: '', lastActivityAt: '' }));
const record = (id: string): ThreadRecord => ({ pageHash: `p-${id}`, summaryHash: `s-${id}`, kind: 'complaint', topics: [], card: [0, 1], json: [0, 1], threadsCsv: [0, 1], messagesCsv: [0, 1] });
const file = (path: string): [string, ManifestFile] => [path, { path, sha256: '0'.repeat(64), size: 1 }];

/** The previous build of `published`, with every page and (optionally) every search bundle on disk. */
function previousOf(published: ThreadKey[], options: { search?: boolean; missing?: string[] } = {}): PreviousBuild {
  const threads = threadColumns(published.map((k) => ({ id: k.id, ...record(k.id) })));
  const files = new Map([...published.map((k) => file(threadUrl(k.id))), ...ROW_FILES.map(file)]);
  const members: Record<string, string> = {};
  if (options.search) {
    const total = published.length;
    for (let shard = 0; shard * SHARD_SIZE < total; shard++) {
      const ids = published.filter((_, i) => Math.floor((total - 1 - i) / SHARD_SIZE) === shard).map((k) => k.id);
      members[String(shard)] = membershipHash(ids);
      files.set(...file(`${bundleDir(String(shard))}pagefind-entry.json`));
    }
  }
  const bad = new Set(options.missing);
  for (const path of bad) files.delete(path);
  const state: BuildState = { format: 4, fingerprint: 'f', dataVersion: 1, manifestSha: 'm', shardCount: Object.keys(members).length, bundles: {}, members, pages: {}, threads };
  return { state, files, order: [...files.values()], stamps: new Float64Array(2 * files.size), unlisted: [], repaired: [], bad };
}

const noSearch = { search: false, cores: 2 };
const reads = (plan: ReturnType<typeof planBuild>) => plan.threads.filter((t) => t.read).map((t) => t.id);
const searched = (plan: ReturnType<typeof planBuild>) => new Set(plan.threads.filter((t) => t.search).map((t) => t.shard));

describe('planBuild', () => {
  it.each([
    ['no previous build: every thread is read', null, 'all', 5],
    ['nothing changed: nothing is read', 'same', new Set<string>(), 0],
    ['one thread changed: it alone is read', 'same', new Set(['t3']), 1],
    ['a setting changed: every thread is read again', 'same', 'all', 5],
    ['a change to a thread that is no longer published: nothing to read', 'same', new Set(['gone']), 0],
  ] as const)('%s', (_name, previous, changed, count) => {
    const published = keys(5);
    const plan = planBuild(previous === 'same' ? previousOf(published) : null, { published, changed }, noSearch);
    expect(reads(plan)).toHaveLength(count);
    if (changed !== 'all' && count === 1) expect(reads(plan)).toEqual(['t3']);
    expect(plan.shards).toBe(0);
    expect(plan.threads.every((t) => !t.search && t.shard === -1)).toBe(true);
  });

  it('reads a thread new since the previous build, and one whose page is missing from the previous site', () => {
    const before = keys(4);
    const now = [{ rowid: 99, id: 'new', openedAt: '', lastActivityAt: '' }, ...before];
    const previous = previousOf(before, { missing: [threadUrl('t2')] });
    const plan = planBuild(previous, { published: now, changed: new Set() }, noSearch);
    expect(reads(plan)).toEqual(['new', 't2']);
    expect(plan.threads.find((t) => t.id === 'new')!.saved).toBe(-1);
    expect(threadAt(previous.state.threads, plan.threads.find((t) => t.id === 't1')!.saved)).toEqual(record('t1'));
  });

  it.each(ROW_FILES)('reads every thread again when %s of the previous site does not match its manifest (its rows cannot be copied)', (path) => {
    const published = keys(4);
    const plan = planBuild(previousOf(published, { missing: [path] }), { published, changed: new Set() }, noSearch);
    expect(reads(plan)).toEqual(['t4', 't3', 't2', 't1']);
    // The pages themselves were checked intact: the render workers may still link them (the plan keeps what was cached).
    expect(plan.threads.every((t) => t.saved >= 0)).toBe(true);
  });

  it('starts render workers only when there is a lot to read, one per core (at most 8), unless told', () => {
    const few = keys(WORKERS_FROM - 1);
    const many = keys(WORKERS_FROM);
    expect(planBuild(null, { published: few, changed: 'all' }, noSearch).workers).toBe(0);
    expect(planBuild(null, { published: many, changed: 'all' }, noSearch).workers).toBe(2);
    expect(planBuild(null, { published: many, changed: 'all' }, { ...noSearch, cores: 32 }).workers).toBe(8);
    expect(planBuild(null, { published: many, changed: 'all' }, { ...noSearch, workers: 0 }).workers).toBe(0);
    // A rebuild that reads little stays in one thread, however big the site.
    expect(planBuild(previousOf(many), { published: many, changed: new Set(['t1']) }, noSearch).workers).toBe(0);
  });

  it('hands the threads out in chunks, in site order, smaller towards the end so no worker is left with a big last one', () => {
    const published = keys(10_000);
    const plan = planBuild(null, { published, changed: 'all' }, noSearch);
    const sizes = plan.chunks.map((c) => c.length);
    expect(plan.chunks.flat().map((t) => t.id)).toEqual(published.map((k) => k.id));
    expect(sizes.slice(0, 30).every((n) => n === CHUNK)).toBe(true);
    expect(sizes.every((n, i) => i === 0 || n <= sizes[i - 1]!)).toBe(true);
    expect(sizes.at(-1)).toBeLessThanOrEqual(25);
    expect(sizes.length).toBeLessThan(70);
    expect(planBuild(null, { published: keys(3), changed: 'all' }, noSearch).chunks.map((c) => c.length)).toEqual([3]);
  });

  describe('search shards', () => {
    const published = keys(SHARD_SIZE * 2 + 10);
    const search = { search: true, cores: 2 };

    it('counts shards from the oldest thread, so the newest shard is the one that grows', () => {
      const plan = planBuild(null, { published, changed: 'all' }, search);
      expect(plan.shards).toBe(3);
      expect(plan.threads.at(-1)!.shard).toBe(0);
      expect(plan.threads[0]!.shard).toBe(2);
      expect(plan.threads.filter((t) => t.shard === 2)).toHaveLength(10);
      expect(searched(plan)).toEqual(new Set([0, 1, 2]));
    });

    it('indexes again only the shard of a changed thread, reading all its threads for their records', () => {
      const oldest = published.at(-1)!.id;
      const plan = planBuild(previousOf(published, { search: true }), { published, changed: new Set([oldest]) }, search);
      expect(searched(plan)).toEqual(new Set([0]));
      expect(reads(plan)).toHaveLength(SHARD_SIZE);
      expect(plan.threads.filter((t) => t.shard !== 0).every((t) => !t.read && !t.search)).toBe(true);
    });

    it('indexes again a shard whose members changed (a thread published) or whose bundle is missing', () => {
      const previous = previousOf(published, { search: true, missing: [`${bundleDir('1')}pagefind-entry.json`] });
      const now = [{ rowid: 999_999, id: 'newest', openedAt: '', lastActivityAt: '' }, ...published];
      const plan = planBuild(previous, { published: now, changed: new Set() }, search);
      expect(searched(plan)).toEqual(new Set([1, 2]));
      expect(plan.members['0']).toBe(previous.state.members['0']);
      expect(plan.members['2']).not.toBe(previous.state.members['2']);
    });
  });
});
