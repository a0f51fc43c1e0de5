import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pendingCards, readPreviousBuild, sameState, saveBuild, statePaths } from '../../electron/core/site/build-state.ts';
import { threadAt, threadColumns, threadFinder } from '../../electron/core/site/saved-threads.ts';
import type { SavedThread } from '../../electron/core/site/saved-threads.ts';

// The saved build state: what a rebuild reads back must be what the build before it saved, thread by thread, and a
// state this code did not write (another format, another manifest, a damaged file) is not used: the build is clean.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'candor-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** Threads as a build leaves them: contiguous ranges in each file, a few shared topic lists. */
function threads(n: number): SavedThread[] {
  const out: SavedThread[] = [];
  const lists = [[], ['delivery'], ['delivery', 'refunds'], ['"quoted", \\ and \u00e9']];
  const at = [0, 13, 74, 45];
  for (let i = 0; i < n; i++) {
    const len = [700 + i, 2900 + 3 * i, 160 + (i % 7), 2500 + 11 * i];
    const [card, json, threadsCsv, messagesCsv] = len.map((l, k) => {
      const r: [number, number] = [at[k]!, l];
      at[k] = at[k]! + l + (k === 1 ? 2 : 0);
      return r;
    }) as [number, number][];
    out.push({ id: `t_${hex(i * 7919, 16)}`, pageHash: hex(i, 32), summaryHash: hex(i * 31, 32), kind: i % 3 ? 'complaint' : 'praise', topics: lists[i % lists.length]!, card: card!, json: json!, threadsCsv: threadsCsv!, messagesCsv: messagesCsv! });
  }
  return out;
}

/** Each range's start as its distance from the end of the thread before's same range, as the state file holds it. */
function gaps(ranges: readonly number[]): number[] {
  const end = [0, 0, 0, 0];
  return ranges.map((v, i) => {
    const k = (i % 8) >> 1;
    if (i % 2) return v;
    const gap = v - end[k]!;
    end[k] = v + ranges[i + 1]!;
    return gap;
  });
}

const head = { fingerprint: 'f', dataVersion: 7, manifestSha: 'm'.repeat(64), shardCount: 0, bundles: {}, members: {}, pages: Object.fromEntries([['index.html', 'h1'], ['0', 'h0'], ['__proto__', 'hp']]) as Record<string, string>, cardBytes: 10 };

describe('the saved build state', () => {
  it('reads back every thread as it was saved, in site order', () => {
    const paths = statePaths(dir, join(dir, 'site'));
    const saved = threads(1000);
    writeFileSync(pendingCards(paths), '');
    saveBuild(paths, head, saved);
    const state = readPreviousBuild(paths, { fingerprint: 'f', manifestSha: head.manifestSha })!;
    expect(state).not.toBeNull();
    expect(state.pages).toEqual(head.pages);
    expect(Object.keys(state.pages)).toContain('__proto__');
    const find = threadFinder(state.threads);
    for (const [i, t] of saved.entries()) {
      const { id, ...record } = t;
      expect(find(id)).toBe(i);
      expect(threadAt(state.threads, i)).toEqual(record);
    }
    // Asked out of order, and for a thread it does not hold.
    expect([find(saved[500]!.id), find(saved[3]!.id), find('t_new')]).toEqual([500, 3, -1]);
    expect(sameState(state, head, saved)).toBe(true);
    const changed = saved.map((t, i) => (i === 999 ? { ...t, messagesCsv: [t.messagesCsv[0], t.messagesCsv[1] + 1] as [number, number] } : t));
    expect(sameState(state, head, changed)).toBe(false);
    expect(sameState(state, head, saved.map((t, i) => (i === 300 ? { ...t, topics: ['delivery', 'other'] } : t)))).toBe(false);
    expect(sameState(state, head, saved.map((t, i) => (i === 700 ? { ...t, summaryHash: hex(1, 32) } : t)))).toBe(false);
    expect(sameState(state, head, saved.slice(1))).toBe(false);
  });

  it('writes the threads as columns: the text JSON.stringify makes of them, ranges as gaps', () => {
    const paths = statePaths(dir, join(dir, 'site'));
    for (const saved of [threads(1000), threads(3).map((t, i) => ({ ...t, pageHash: 'x'.repeat(i + 1) })), []]) {
      writeFileSync(pendingCards(paths), '');
      saveBuild(paths, head, saved);
      const columns = threadColumns(saved);
      expect(readFileSync(paths.state, 'utf8').endsWith(`,"threads":${JSON.stringify({ ...columns, ranges: gaps(columns.ranges) })}}`)).toBe(true);
    }
  });

  it('keeps hashes of differing lengths as they are', () => {
    const paths = statePaths(dir, join(dir, 'site'));
    const saved = threads(3).map((t, i) => ({ ...t, pageHash: 'x'.repeat(i + 1) }));
    writeFileSync(pendingCards(paths), '');
    saveBuild(paths, head, saved);
    const state = readPreviousBuild(paths, { fingerprint: 'f', manifestSha: head.manifestSha })!;
    expect(saved.map((_, i) => threadAt(state.threads, i).pageHash)).toEqual(['x', 'xx', 'xxx']);
  });

  it('is not used when it is of another format, another site or damaged', () => {
    const paths = statePaths(dir, join(dir, 'site'));
    writeFileSync(pendingCards(paths), '');
    saveBuild(paths, head, threads(10));
    const expect_ = { fingerprint: 'f', manifestSha: head.manifestSha };
    expect(readPreviousBuild(paths, { ...expect_, manifestSha: 'n'.repeat(64) })).toBeNull();
    expect(readPreviousBuild(paths, { ...expect_, fingerprint: 'g' })).toBeNull();
    const text = readFileSync(paths.state, 'utf8');
    const state = JSON.parse(text) as { format: number; threads: { ids: string[] } };
    writeFileSync(paths.state, JSON.stringify({ ...state, format: 3 }));
    expect(readPreviousBuild(paths, expect_)).toBeNull();
    writeFileSync(paths.state, JSON.stringify({ ...state, threads: { ...state.threads, ids: state.threads.ids.slice(1) } }));
    expect(readPreviousBuild(paths, expect_)).toBeNull();
    writeFileSync(paths.state, text.slice(0, -10));
    expect(readPreviousBuild(paths, expect_)).toBeNull();
    writeFileSync(paths.state, text);
    expect(readPreviousBuild(paths, expect_)).not.toBeNull();
  });
});
