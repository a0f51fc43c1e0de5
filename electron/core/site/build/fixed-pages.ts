import { fixedPages as fixedPageScopes } from '../fixed-pages.ts';
import { BADGE_SVG, badgeFigures, badgeSvg } from '../badge.ts';
import { SiteText, textOf } from '../i18n.ts';
import { createEngine } from '../liquid/engine.ts';
import { inputHash } from '../render/context.ts';
import { placeholdersEnabled, withheldPlaceholders } from '../moderation-view.ts';
import { loggedThreads } from '../changes-view.ts';
import { CHANGES_FILE, serializeLog } from '../publication-log.ts';
import { draftPublication } from '../publication-store.ts';
import type { PublicationDraft } from '../publication-store.ts';
import { publicationCurrent, publicationStateKept } from '../kept.ts';
import { sourceRows } from '../reviews-policy.ts';
import { openThreadReader, publishedRows } from '../site-data.ts';
import type { BuildContext, Phase } from './context.ts';
import { fileError, workspaceChanged } from './errors.ts';
import { summarizeKnown } from '../thread-views.ts';

// The fixed pages phase: the pages there is one of (home, topics, moderation report, claims, methodology, open data,
// search, 404) and the claim pages, rendered here in the builder's thread while the render workers make the list
// pages; the list pages are awaited by the commit (the feeds, open data and assets are made meanwhile too).

/**
 * The publication log: drafted from what the workspace recorded and what is published now; recorded once the site is
 * in place (build.ts).
 */
function draft(ctx: BuildContext): PublicationDraft {
  const { data } = ctx;
  const version = { seq: data.dataVersion, at: data.lastUpdated };
  const unchanged = ctx.trustKept ? (seq: number) => publicationCurrent(ctx.ws.db, ctx.ws.dir, version, seq) : undefined;
  // A clean build works everything out again (and so checks what earlier builds recorded).
  const stateKept = ctx.trustKept ? (seq: number) => publicationStateKept(ctx.ws.db, ctx.ws.dir, seq) : undefined;
  return draftPublication(ctx.ws.db, {
    claims: data.claims, date: data.lastUpdated, dataVersion: data.dataVersion, from: publishedRows(data), unchanged, stateKept, published: data.published.length, read: ctx.scans,
  });
}

/** The feed's length; the home page shows the first few of them. */
const FEED_SIZE = 50;

/**
 * The newest threads' summaries (feed, home page), read again: cheaper than keeping 100,000 in memory. Read by the
 * fixed pages phase, once the list pages' first batches are on the render workers (not while they wait for them).
 */
function readNewest(ctx: BuildContext): void {
  const keys = ctx.data.published.slice(0, FEED_SIZE);
  const text = textOf(ctx.settings.globals);
  const reader = openThreadReader(ctx.ws.dir, ctx.settings.view);
  try {
    const rowids = keys.map((k) => k.rowid);
    const summaries = summarizeKnown(reader.read(rowids), reader.languages(rowids), new Map(keys.map((k) => [k.id, k.rowid])), text);
    const byId = new Map(summaries.map((s) => [s.id, s]));
    ctx.newest = keys.map((k) => byId.get(k.id)!);
  } finally {
    reader.close();
  }
}

/** The event loop's next turn: the builder's thread hands the render workers their next pages between two steps. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const fixedPages: Phase = {
  name: 'fixed pages',
  timing: 'pages',
  start(ctx: BuildContext) {
    // Drafted once the render workers have their first threads (a tenth of a second at 10,000 threads, in this thread).
    const publication = nextTurn().then(() => draft(ctx));
    publication.catch(() => undefined);
    ctx.pending.publication = publication;
  },
  async run(ctx: BuildContext) {
    const { settings, data, previous, plan } = ctx;
    readNewest(ctx);
    const { stats, dataVersion } = await ctx.stats;
    // They were read apart, before the rest: from the same state, or the site would mix two.
    if (dataVersion !== data.dataVersion) throw workspaceChanged();
    const publication = await (ctx.pending.publication ?? draft(ctx));
    ctx.publication = publication;
    try {
      ctx.files.push(ctx.writer.write(CHANGES_FILE, serializeLog(publication.entries)));
    } catch (err) {
      throw fileError(err, CHANGES_FILE);
    }
    const tx = textOf(settings.globals);
    const pages = fixedPageScopes({
      data: { ...data, stats }, globals: settings.globals, latest: ctx.newest.slice(0, 8), topics: ctx.topics,
      evidencePath: (sha) => ctx.evidence.get(sha) ?? null, search: settings.search, shards: plan.shards, hasClaimsBundle: settings.search && data.claims.length > 0,
      placeholders: placeholdersEnabled(ctx.ws.db) ? withheldPlaceholders(ctx.ws.db, tx) : null,
      publication: { entries: publication.entries, published: loggedThreads(ctx.ws.db, publication.entries, data.published, tx, settings.view) },
      sources: sourceRows(ctx.ws.db, tx),
    });
    const engine = createEngine(settings.roots, tx);
    for (const p of pages) {
      await nextTurn();
      const hash = inputHash(settings.fingerprint, p.template, p.scope);
      ctx.pageHashes[p.path] = hash;
      ctx.counts.htmlPages++;
      if (previous && previous.state.pages[p.path] === hash && previous.files.has(p.path)) {
        ctx.files.push(previous.files.get(p.path)!);
        continue;
      }
      try {
        ctx.files.push(ctx.writer.write(p.path, engine.render(p.template, { site: settings.globals, ...p.scope })));
      } catch (err) {
        throw fileError(err, p.path, p.claim ? { claim: p.claim } : {});
      }
      ctx.counts.rendered++;
    }
    // The embeddable badge's image: the same figures in the same words as its page (pages/badge, made above).
    const text = new SiteText(settings.globals.lang, settings.globals.messages);
    ctx.files.push(ctx.writer.write(BADGE_SVG, badgeSvg(data.organisation, badgeFigures(stats), text, settings.globals.baseUrl)));
  },
};
