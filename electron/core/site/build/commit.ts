import type { Stats } from '../../../shared/curation/stats.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR } from '../../version.ts';
import { fileStamp, sameState, saveBuild, touchState } from '../build-state.ts';
import type { ThreadRecord } from '../build-state.ts';
import { signBytes } from '../keys.ts';
import { MANIFEST_FILE, manifestChunks, SIGNATURE_FILE } from '../manifest.ts';
import type { BuildInfo } from '../manifest.ts';
import { commitInPlace, commitOutput } from '../output.ts';
import { dataVersion } from '../site-data.ts';
import { keepStats } from '../kept.ts';
import type { FileInfo } from '../site-writer.ts';
import type { BuildContext, Phase } from './context.ts';
import { workspaceChanged } from './errors.ts';

// The manifest and commit phase: manifest.json (and its signature) over every file, the new site moved into place
// (swapped in whole, or its changed files moved into the previous site under a journal), then the build state saved
// for the next build, once the site it describes exists.

/**
 * Every file's stamp in the site now in place (see BuildState.stamps). A file the rebuild kept as it was (the previous
 * site's entry, never written again, so not moved in) has the stamp it had when the load phase checked it, and a file
 * of a clean build the one it was written with: no second stat. Should it have changed since, the next build sees
 * another stamp and hashes it. A file a rebuild moved in has a new change time: it is looked at.
 */
function stampsOf(ctx: BuildContext): Record<string, string> {
  const stamps: Record<string, string> = {};
  const previous = ctx.previous;
  for (const f of ctx.files as FileInfo[]) {
    // A clean build's folder became the site whole (commitOutput): its files kept the stamps they were written with.
    const kept = previous ? (previous.files.get(f.path) === f ? previous.seen?.get(f.path) : undefined) : f.stamp ?? undefined;
    const stamp = kept ?? fileStamp(join(ctx.output.target, f.path));
    if (stamp) stamps[f.path] = stamp;
  }
  return stamps;
}

function saveState(ctx: BuildContext, manifestSha: string): void {
  const { settings, data, plan, threads, previous, paths } = ctx;
  try {
    const state = {
      stamps: stampsOf(ctx),
      fingerprint: settings.fingerprint, dataVersion: data.dataVersion, manifestSha,
      shardCount: plan.shards, bundles: ctx.bundles, members: plan.members, pages: ctx.pageHashes, cardBytes: threads.reduce((n, t) => n + t.card[1], 0),
    };
    // A rebuild that changed nothing (no new cards file either) has its state saved already.
    if (previous && !existsSync(`${paths.cards}.tmp`) && sameState(previous.state, state, threads)) touchState(paths);
    else {
      saveBuild(paths, state, (function* () {
        for (const { id, ...record } of threads) yield [id, record] as [string, ThreadRecord];
      })());
    }
  } catch (err) {
    ctx.warnings.push(`The build state could not be saved (${(err as Error).message}); the next build will render everything.`);
  }
  ctx.resources.cardsPending = false;
}

/** The statistics this build computed, kept for the next build of the same data. */
function keep(ctx: BuildContext, stats: Stats): void {
  try {
    keepStats(ctx.ws.db, ctx.ws.dir, stats, { seq: ctx.data.dataVersion, at: ctx.data.lastUpdated });
  } catch (err) {
    ctx.warnings.push(`The statistics could not be kept for the next build (${(err as Error).message}); it computes them again.`);
  }
}

export const commit: Phase = {
  name: 'manifest and commit',
  timing: 'manifest',
  async run(ctx) {
    const { ws, data, settings, writer, output, previous } = ctx;
    ctx.progress({ phase: 'manifest', done: 0, total: 1 });
    // The list pages were rendered on the workers while the fixed pages, open data, feeds and assets were made.
    await ctx.pending.listPages;
    // The statistics were read apart (see siteStats): the workspace must still be in the state the build read.
    if (dataVersion(ws.db).seq !== data.dataVersion) throw workspaceChanged();
    ctx.files.push(...await ctx.pending.rowFiles);
    ctx.resources.rowWriters = [];
    const { stats } = await ctx.stats;
    const moderation = stats.overall.moderation;
    const build: BuildInfo = {
      generator: GENERATOR, organisation: data.organisation, theme: settings.theme, baseUrl: settings.baseUrl, dataVersion: data.dataVersion, lastUpdated: data.lastUpdated,
      threads: data.published.length, withheld: moderation.withheld, pending: moderation.pending, claims: data.claims.length, pages: ctx.counts.htmlPages,
      search: settings.search, signed: settings.signing !== null, publicKeyFingerprint: settings.signing?.fingerprint ?? null,
    };
    const manifest = writer.writeChunks(MANIFEST_FILE, manifestChunks(build, ctx.files));
    let bytes = ctx.files.reduce((s, f) => s + f.size, 0) + manifest.size;
    // The signature is over the exact bytes: read back from the file (only a signed site pays for the copy).
    if (settings.signing) bytes += writer.write(SIGNATURE_FILE, `${signBytes(settings.signing, readFileSync(join(output.temp, MANIFEST_FILE)))}\n`).size;
    await ctx.resources.pool?.close();
    ctx.resources.pool = null;
    const cleanup = previous ? commitInPlace(output, ctx.files, previous.files, previous.listed) : commitOutput(output);
    ctx.committed = { bytes, withheld: moderation.withheld, files: ctx.files.length + 1 + (settings.signing ? 1 : 0), manifestSha: manifest.sha256, cleanup };
    saveState(ctx, manifest.sha256);
    if (!ctx.statsKept) keep(ctx, stats);
  },
};
