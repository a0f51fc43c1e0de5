import type { Stats } from '../../../shared/curation/stats.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR } from '../../version.ts';
import { sameState, saveBuild, touchState } from '../build-state.ts';
import { setStamp, setStampText, statOrNull, writeStamps } from '../file-stamps.ts';
import type { Stamps } from '../file-stamps.ts';
import { signBytes } from '../keys.ts';
import { inPathOrder, MANIFEST_FILE, manifestChunks, SIGNATURE_FILE, sortByPath } from '../manifest.ts';
import type { BuildInfo, ManifestFile } from '../manifest.ts';
import { commitInPlace, commitOutput } from '../output.ts';
import { dataVersion } from '../site-data.ts';
import { keepStats } from '../kept.ts';
import type { FileInfo } from '../site-writer.ts';
import type { BuildContext, Phase } from './context.ts';
import type { PreviousBuild } from './plan.ts';
import { workspaceChanged } from './errors.ts';

// The manifest and commit phase: manifest.json (and its signature) over every file, the new site moved into place
// (swapped in whole, or its changed files moved into the previous site under a journal), then the build state saved
// for the next build, once the site it describes exists.

/**
 * Every file's stamp in the site now in place (file-stamps.ts), in the order of `files` (the manifest's). A file the
 * rebuild kept as it was (the previous site's entry, never written again, so not moved in) has the stamp it had when
 * the load phase checked it, found beside it in the previous manifest's order (both are sorted by path); a file of a
 * clean build the one it was written with: no second stat. Should it have changed since, the next build sees another
 * stamp and hashes it. A file a rebuild moved in has a new change time: it is looked at.
 */
function stampsOf(ctx: BuildContext, files: readonly FileInfo[]): Stamps {
  const stamps = new Float64Array(files.length * 2);
  const previous = ctx.previous;
  const order = previous?.order ?? [];
  let j = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    if (previous) {
      while (j < order.length && order[j]!.path < f.path) j++;
      if (order[j] === f) {
        stamps[2 * i] = previous.stamps[2 * j]!;
        stamps[2 * i + 1] = previous.stamps[2 * j + 1]!;
        continue;
      }
      // A file kept but not found in order has no stamp: the next build hashes it rather than trust a stat of it now.
      if (previous.files.get(f.path) === f) continue;
    } else if (f.stamp) {
      setStampText(stamps, i, f.stamp);
      continue;
    }
    // A file moved in, or written without a stamp (the open data's writers): looked at in place.
    const st = statOrNull(join(ctx.output.target, f.path));
    if (st?.isFile()) setStamp(stamps, i, st);
  }
  return stamps;
}

/**
 * Every file of the new site in path order (the manifest's). A rebuild keeps most files as the previous manifest
 * listed them, in path order already: only the files written anew are sorted, and merged in (sorting all 119,000 at
 * 100k threads cost a fifth of a second).
 */
function inPathOrderOf(ctx: BuildContext): ManifestFile[] {
  const previous = ctx.previous;
  if (!previous) return sortByPath(ctx.files);
  const kept = new Set<ManifestFile>();
  const fresh: ManifestFile[] = [];
  for (const f of ctx.files) {
    if (previous.files.get(f.path) === f) kept.add(f);
    else fresh.push(f);
  }
  if (kept.size + fresh.length !== ctx.files.length) return sortByPath(ctx.files);
  sortByPath(fresh);
  const files: ManifestFile[] = [];
  let j = 0;
  for (const o of previous.order) {
    if (!kept.has(o)) continue;
    while (j < fresh.length && fresh[j]!.path < o.path) files.push(fresh[j++]!);
    files.push(o);
  }
  while (j < fresh.length) files.push(fresh[j++]!);
  return inPathOrder(files) ? files : sortByPath(files);
}

function saveState(ctx: BuildContext, manifestSha: string, files: readonly FileInfo[]): void {
  const { settings, data, plan, threads, previous, paths } = ctx;
  try {
    writeStamps(paths.stamps, manifestSha, stampsOf(ctx, files));
    const state = {
      fingerprint: settings.fingerprint, dataVersion: data.dataVersion, manifestSha,
      shardCount: plan.shards, bundles: ctx.bundles, members: plan.members, pages: ctx.pageHashes, cardBytes: threads.reduce((n, t) => n + t.card[1], 0),
    };
    // A rebuild that changed nothing (no new cards file either) has its state saved already.
    if (previous && !existsSync(`${paths.cards}.tmp`) && sameState(previous.state, state, threads)) touchState(paths);
    else saveBuild(paths, state, threads);
  } catch (err) {
    ctx.warnings.push(`The build state could not be saved (${(err as Error).message}); the next build will render everything.`);
  }
  ctx.resources.cardsPending = false;
}

/** Every file the previous site had: the ones its manifest lists and the ones added since. */
function* presentBefore(previous: PreviousBuild): Generator<string> {
  for (const f of previous.order) yield f.path;
  yield* previous.unlisted;
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
    const files = inPathOrderOf(ctx);
    const manifest = writer.writeChunks(MANIFEST_FILE, manifestChunks(build, files));
    let bytes = ctx.files.reduce((s, f) => s + f.size, 0) + manifest.size;
    // The signature is over the exact bytes: read back from the file (only a signed site pays for the copy).
    if (settings.signing) bytes += writer.write(SIGNATURE_FILE, `${signBytes(settings.signing, readFileSync(join(output.temp, MANIFEST_FILE)))}\n`).size;
    await ctx.resources.pool?.close();
    ctx.resources.pool = null;
    const cleanup = previous ? commitInPlace(output, files, previous.files, presentBefore(previous)) : commitOutput(output);
    ctx.committed = { bytes, withheld: moderation.withheld, files: ctx.files.length + 1 + (settings.signing ? 1 : 0), manifestSha: manifest.sha256, cleanup };
    saveState(ctx, manifest.sha256, files as FileInfo[]);
    if (!ctx.statsKept) keep(ctx, stats);
  },
};
