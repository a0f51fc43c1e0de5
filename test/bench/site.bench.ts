// The site builder at scale: `npm run bench` (or BENCH_ONLY=site npm run bench; BENCH_SCALE=0.1 for a quick run).
// Builds 10k and 100k published threads and reports, separately, pages + data + manifest and the search index, with
// pages per second and peak memory; a one-thread change rebuilt at 100k; and Eleventy 3 (installed into a temporary
// folder, never into the project) on the same threads as Markdown pages with a Liquid layout.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { siteViewRules } from '../../electron/core/curation/published.ts';
import { openThreadReader, publishedThreadKeys } from '../../electron/core/site/site-data.ts';
import { DatabaseSync } from 'node:sqlite';
import type { BenchRow, BenchTable } from './run.ts';
import { benchWorkspace, changeOneThread } from './site-data.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const CHILD = join(ROOT, 'test/bench/site-child.ts');

type ChildResult = {
  ms: number;
  pages: number;
  files: number;
  bytes: number;
  threads: number;
  rendered: number;
  reused: number;
  incremental: boolean;
  timings: { load: number; threads: number; pages: number; data: number; search: number; manifest: number; total: number };
  peakRssMb: number;
  searchServicePeakMb: number;
};

function build(workspace: string, out: string, search: boolean): ChildResult {
  const r = spawnSync(NODE, [CHILD, JSON.stringify({ workspace, out, search })], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`site build failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

const s = (ms: number) => Math.round(ms / 100) / 10;

/** The same threads as Eleventy input: one Markdown page per thread, a Liquid layout, the same escaping needs. */
function eleventyInput(workspace: string, dir: string): number {
  mkdirSync(join(dir, '_includes'), { recursive: true });
  mkdirSync(join(dir, 'threads'), { recursive: true });
  writeFileSync(join(dir, '_includes', 'thread.liquid'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title | escape }}</title><link rel="stylesheet" href="/assets/site.css"></head>
<body><header><nav><a href="/">Overview</a> <a href="/conversations/">Conversations</a></nav></header>
<main><h1>{{ title | escape }}</h1><p>{{ kind }} · {{ status }} · {{ opened }}</p>{{ content }}</main>
<footer>Published with Eleventy</footer></body></html>
`);
  const db = new DatabaseSync(join(workspace, 'candor.sqlite'), { readOnly: true });
  const rowids = publishedThreadKeys(db).map((k) => k.rowid);
  // The Eleventy comparison site is English: the workspace's own (English default) labels.
  const view = siteViewRules({ db }, { customer: 'Customer', customerIn: 'Customer in {location}', staff: 'Support team', system: 'Automated message' });
  db.close();
  const reader = openThreadReader(workspace, view);
  const yamlString = (v: string) => JSON.stringify(v);
  for (let i = 0; i < rowids.length; i += 500) {
    for (const t of reader.read(rowids.slice(i, i + 500))) {
      const body = t.messages.map((m) => `### ${m.author} (${m.role}), ${m.sentAt}\n\n${m.body}\n`).join('\n');
      writeFileSync(join(dir, 'threads', `${t.id}.md`), `---\nlayout: thread.liquid\ntitle: ${yamlString(t.subject ?? t.id)}\nkind: ${t.kind}\nstatus: ${t.status}\nopened: ${yamlString(t.openedAt)}\npermalink: "threads/${t.id}.html"\n---\n${body}`);
    }
  }
  reader.close();
  return rowids.length;
}

/** The run in the middle: builds of the same site vary by a tenth or more from run to run on this machine. */
function median<T>(runs: T[], ms: (r: T) => number): T {
  return [...runs].sort((a, b) => ms(a) - ms(b))[runs.length >> 1]!;
}

const COMPARE_RUNS = 3;

function eleventy(workspace: string, tmp: string, threads: number): { row: BenchRow | null; note: string } {
  const prefix = join(tmp, 'eleventy-install');
  mkdirSync(prefix, { recursive: true });
  try {
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', '--no-save', '@11ty/eleventy@3'], { stdio: 'pipe', timeout: 300_000 });
  } catch (err) {
    return { row: null, note: `Eleventy comparison skipped: could not install @11ty/eleventy@3 from the npm registry into ${prefix} (${(err as Error).message.split('\n')[0]}).` };
  }
  const input = join(tmp, 'eleventy-in');
  eleventyInput(workspace, input);
  const cli = join(prefix, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  const runs: { ms: number; peakKb: number }[] = [];
  for (let run = 0; run < COMPARE_RUNS; run++) {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', NODE, cli, `--input=${input}`, `--output=${join(tmp, `eleventy-out-${run}`)}`, '--quiet'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: tmp });
    const ms = performance.now() - t;
    if (r.status !== 0) return { row: null, note: `Eleventy failed: ${r.stderr.slice(-500)}` };
    runs.push({ ms, peakKb: Number(r.stderr.trim().split('\n').pop()) });
  }
  const { ms, peakKb } = median(runs, (r) => r.ms);
  return {
    row: { build: `Eleventy 3, ${threads.toLocaleString('en')} Markdown pages + Liquid layout (median of ${COMPARE_RUNS})`, 's': s(ms), 'pages/s': Math.round(threads / (ms / 1000)), 'peak MB': Number.isFinite(peakKb) ? Math.round(peakKb / 1024) : 'n/a' },
    note: `Eleventy runs: ${runs.map((r) => s(r.ms)).join(', ')} s.`,
  };
}

export async function run(): Promise<BenchTable[]> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const sizes = [Math.max(100, Math.round(10_000 * scale)), Math.max(200, Math.round(100_000 * scale))];
  const tmp = mkdtempSync(join(tmpdir(), 'candor-site-bench-'));
  const rows: BenchRow[] = [];
  const notes: string[] = [
    `Machine: ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores. Each build runs in its own process; peak MB is that process's maximum resident memory (render workers included); the search service (Pagefind) is a separate process, reported apart.`,
    'Workspaces are written through the store and scanned for personal data by curation first (as curation leaves them before anyone builds); that setup is not timed.',
    'Nothing is deleted until the end: on ext4 without a journal (this machine), creating files soon after deleting many is several times slower, which would measure the disk, not the builder.',
  ];
  const compare: { candorMs: number; threads: number } = { candorMs: 0, threads: 0 };
  try {
    for (const [i, n] of sizes.entries()) {
      const ws = join(tmp, `ws-${n}`);
      const setup = benchWorkspace(ws, n);
      notes.push(`${n.toLocaleString('en')} threads: workspace written in ${s(setup.writeMs)} s, scanned in ${s(setup.scanMs)} s, published in ${s(setup.decideMs)} s (setup).`);
      // The size compared with Eleventy is built as often as Eleventy runs, each time clean into a folder of its own.
      const plainRuns = [build(ws, join(tmp, `site-${n}`), false)];
      if (i === 0) for (let run = 1; run < COMPARE_RUNS; run++) plainRuns.push(build(ws, join(tmp, `site-${n}-run${run}`), false));
      const plain = median(plainRuns, (r) => r.ms);
      if (plainRuns.length > 1) notes.push(`${n.toLocaleString('en')} threads, pages + data + manifest, runs: ${plainRuns.map((r) => s(r.ms)).join(', ')} s (the median is in the table; the first run also detects each conversation's language, which the workspace keeps for the builds after it).`);
      rows.push({
        build: `${n.toLocaleString('en')} threads: pages + data + manifest${plainRuns.length > 1 ? ` (median of ${plainRuns.length})` : ''}`, 's': s(plain.ms), pages: plain.pages, 'pages/s': Math.round(plain.pages / (plain.ms / 1000)),
        'peak MB': Math.round(plain.peakRssMb), MB: Math.round(plain.bytes / 1_048_576), files: plain.files,
      });
      if (i === 0) {
        compare.candorMs = plain.ms;
        compare.threads = n;
      }
      const withSearch = build(ws, join(tmp, `site-search-${n}`), true);
      rows.push({
        build: `${n.toLocaleString('en')} threads: everything, search included`, 's': s(withSearch.ms), pages: withSearch.pages, 'pages/s': Math.round(withSearch.pages / (withSearch.ms / 1000)),
        'peak MB': Math.round(withSearch.peakRssMb), MB: Math.round(withSearch.bytes / 1_048_576), files: withSearch.files,
      });
      rows.push({
        build: `${n.toLocaleString('en')} threads: search index (added time)`, 's': s(Math.max(0, withSearch.ms - plain.ms)), 'peak MB': `${Math.round(withSearch.searchServicePeakMb)} (Pagefind service)`,
      });
      if (i === sizes.length - 1) {
        changeOneThread(ws, Math.floor(n / 2));
        const inc = build(ws, join(tmp, `site-${n}`), false);
        rows.push({ build: `${n.toLocaleString('en')} threads: one thread changed, rebuilt`, 's': s(inc.ms), pages: inc.rendered, 'peak MB': Math.round(inc.peakRssMb) });
        changeOneThread(ws, Math.floor(n / 3));
        const inc2 = build(ws, join(tmp, `site-${n}`), false);
        rows.push({ build: `${n.toLocaleString('en')} threads: another change, rebuilt`, 's': s(inc2.ms), pages: inc2.rendered, 'peak MB': Math.round(inc2.peakRssMb) });
        // The same with search: the changed thread's shard is indexed again, the others are kept (first the search
        // site catches up with the two changes above, untimed).
        build(ws, join(tmp, `site-search-${n}`), true);
        changeOneThread(ws, Math.floor(n / 4));
        const incSearch = build(ws, join(tmp, `site-search-${n}`), true);
        rows.push({ build: `${n.toLocaleString('en')} threads: one thread changed, rebuilt with search`, 's': s(incSearch.ms), pages: incSearch.rendered, 'peak MB': Math.round(incSearch.peakRssMb) });
      }
      if (i === 0) {
        const e = eleventy(ws, tmp, n);
        if (e.row) {
          rows.push(e.row);
          notes.push(e.note);
          notes.push(`Pages, ${compare.threads.toLocaleString('en')} threads: Candor ${s(compare.candorMs)} s (with list, topic and claim pages, data files, feed, sitemap and manifest) vs Eleventy ${e.row.s} s (thread pages only): Eleventy takes ${(Number(e.row.s) / (compare.candorMs / 1000)).toFixed(2)}× as long.`);
        } else notes.push(e.note);
      }
    }
    notes.push('Targets: 10k everything < 15 s; 100k without search < 40 s and peak < 1 GB; one-thread change at 100k < 3 s; at least 2× faster than Eleventy for pages.');
    return [{ title: `Site builder (BENCH_SCALE=${scale})`, rows, notes }];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./run.ts');
  for (const t of await run()) console.log(formatTable(t));
}
