import { availableParallelism } from 'node:os';
import { CandorError } from '../../errors.ts';
import type { RenderInit, ThreadResult } from '../render/context.ts';
import { inProcessPool, workerPool } from '../render/pool.ts';
import type { Pool } from '../render/pool.ts';
import { SearchPool } from '../search/pool.ts';
import { endsShard } from '../search/shards.ts';
import { dataVersion } from '../site-data.ts';
import type { BuildContext, Phase } from './context.ts';
import { inPhase, workspaceChanged } from './errors.ts';
import type { ThreadPlan } from './plan.ts';
import { ThreadRows } from './thread-rows.ts';
import { pageHashAt, threadAt } from '../saved-threads.ts';
import { keepLanguages } from '../text-languages.ts';
import type { LearnedLanguages } from '../text-languages.ts';

// The thread pages phase: every published thread read, rendered (or linked, when unchanged) on the render workers in
// chunks, and its rows of the open data, its list item and its search record written in site order as results arrive.

function unpublished(id: string): CandorError {
  return new CandorError('WORKSPACE_CHANGED', `Thread ${id} was unpublished while the site was being built. Build again.`);
}

/** Starts the render workers (or the in-thread renderer) and, with search, the search workers. */
function startPools(ctx: BuildContext): Pool {
  const { ws, output, settings, plan } = ctx;
  const init: RenderInit = { workspaceDir: ws.dir, roots: settings.roots, temp: output.temp, previous: output.previous, fingerprint: settings.fingerprint, globals: settings.globals, view: settings.view };
  const pool = plan.workers > 0 ? workerPool(init, plan.workers) : inProcessPool(init);
  ctx.resources.pool = pool;
  ctx.resources.search = settings.search ? new SearchPool(output.temp, Math.min(2, Math.max(1, availableParallelism()))) : null;
  return pool;
}

/** Writes one chunk's threads in site order: rendered ones from the result, unchanged ones from the previous build. */
async function writeChunk(ctx: BuildContext, rows: ThreadRows, chunk: ThreadPlan[], result: ThreadResult | null, learned: LearnedLanguages[]): Promise<void> {
  const search = ctx.resources.search;
  const total = ctx.data.published.length;
  const byId = new Map((result?.threads ?? []).map((t) => [t.id, t]));
  for (const p of chunk) {
    const at = rows.count;
    const out = byId.get(p.id);
    if (out) {
      ctx.groups.add(at, (ctx.threads[at] = rows.add(p, out)));
      if (out.languages) learned.push({ rowid: p.rowid, languages: out.languages });
      if (out.rendered) {
        ctx.counts.rendered++;
        ctx.files.push(out.file);
      } else {
        ctx.counts.reused++;
        ctx.files.push(ctx.previous!.files.get(out.file.path)!);
      }
      if (out.search && search) await search.add(String(p.shard), out.search);
      if (search && p.search && endsShard(at, total)) search.write(String(p.shard));
    } else if (!p.read && p.saved >= 0) {
      ctx.groups.add(at, (ctx.threads[at] = rows.keep(p.id, threadAt(ctx.previous!.state.threads, p.saved))));
      ctx.files.push(ctx.previous!.files.get(p.url)!);
      ctx.counts.reused++;
    } else {
      throw unpublished(p.id);
    }
  }
}

/**
 * Hands chunks to the pool a few at a time ahead of the one being written, so results never pile up in memory (at
 * 100,000 threads, or when the search index is slower than rendering); writes them in order as they arrive.
 */
async function renderThreads(ctx: BuildContext, pool: Pool, rows: ThreadRows, learned: LearnedLanguages[]): Promise<void> {
  const { chunks } = ctx.plan;
  const total = ctx.data.published.length;
  const results = new Map<number, ThreadResult | null>();
  const window = Math.max(4, pool.size * 4);
  const jobs: Promise<unknown>[] = [];
  let next = 0;
  let submitted = 0;
  let failed: unknown = null;
  let finished: () => void = () => {};
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  // Results arrive in any order; rows are written in site order, one drain at a time.
  let draining: Promise<void> = Promise.resolve();
  const drain = async () => {
    while (results.has(next)) {
      const result = results.get(next)!;
      results.delete(next);
      await writeChunk(ctx, rows, chunks[next]!, result, learned);
      next++;
      ctx.progress({ phase: 'threads', done: rows.count, total });
      await rows.caughtUp();
    }
  };
  const fail = (err: unknown) => {
    failed ??= err;
    finished();
  };
  const submit = (seq: number) => {
    const reads = chunks[seq]!.filter((p) => p.read);
    if (reads.length === 0) {
      results.set(seq, null);
      return;
    }
    // A page is linked from the previous site only when it was checked against its manifest (see PreviousBuild).
    const intact = (p: ThreadPlan) => p.saved >= 0 && ctx.previous?.files.has(p.url) === true;
    const items = reads.map((p) => ({ id: p.id, rowid: p.rowid, prevPageHash: intact(p) ? pageHashAt(ctx.previous!.state.threads, p.saved) : null, search: p.search }));
    jobs.push(pool.run<ThreadResult>({ type: 'threads', seq, items }).then(async (r) => {
      if (r.missing.length) throw unpublished(r.missing[0]!);
      results.set(seq, r);
      await step();
    }).catch(fail));
  };
  /** Drain what is ready, hand out more chunks; return when the next chunk waits on a worker. */
  const step = async () => {
    for (;;) {
      await (draining = draining.then(drain));
      const before = submitted;
      while (submitted < chunks.length && submitted - next < window) submit(submitted++);
      if (next === chunks.length) {
        finished();
        return;
      }
      if (submitted === before && !results.has(next)) return;
    }
  };
  await step().catch(fail);
  await allDone;
  if (failed) throw failed;
  await Promise.all(jobs);
  if (rows.count !== total) throw new CandorError('INTERNAL', `Only ${rows.count} of ${total} threads were written.`);
}

export const threadPages: Phase = {
  name: 'thread pages',
  timing: 'threads',
  async run(ctx) {
    const pool = startPools(ctx);
    const rows = new ThreadRows(ctx);
    ctx.cardsFile = rows.cardsFile;
    const learned: LearnedLanguages[] = [];
    await renderThreads(ctx, pool, rows, learned);
    // What the render workers detected is kept for the next build (they read the workspace; only this thread writes).
    keepLanguages(ctx.ws.db, learned);
    const { openData } = await rows.finish();
    // The open data finishes on its workers while the pages are made; the manifest phase waits for it.
    ctx.pending.rowFiles = openData.catch((err: unknown) => {
      throw inPhase(err, 'open data');
    });
    ctx.pending.rowFiles.catch(() => undefined);
    // Workers read the workspace on their own connections: if it changed meanwhile, the site would mix two states.
    if (dataVersion(ctx.ws.db).seq !== ctx.data.dataVersion) throw workspaceChanged();
  },
};
