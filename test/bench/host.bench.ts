// The window's wait while the core works (issue 16.1): the real core host on its own thread, driven through the
// contract as the desktop app's main process drives it. While a large import runs, and then while a site build runs,
// a read (workspace.current, then a page of threads.search; during the import also the inbox's "personal data to
// review" list) is asked every 25 ms, and the time each took to be answered is recorded. Target: the longest under 100 ms. BENCH_SCALE=1 is 100,000 threads (500,000 messages).
// `node test/bench/host.bench.ts` runs it alone.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCoreWorker } from '../../electron/core/host-client.ts';
import type { HostClient } from '../../electron/core/host-client.ts';
import { candorLine } from './import.bench.ts';
import type { BenchRow, BenchTable } from './run.ts';

const SESSION = 'bench';
const EVERY_MS = 25;
const IDLE_MS = 5_000;

function scale(): number {
  const s = Number(process.env.BENCH_SCALE ?? '1');
  return Number.isFinite(s) && s > 0 ? s : 1;
}

async function writeThreads(path: string, n: number): Promise<void> {
  let s = 42;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const out = createWriteStream(path, { highWaterMark: 4 << 20 });
  for (let i = 0; i < n; i++) if (!out.write(candorLine(i, 5, 25, r))) await new Promise<void>((ok) => out.once('drain', () => ok()));
  await new Promise<void>((ok) => out.end(() => ok()));
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

/** Runs `job` and, until it settles, asks reads one after another (every EVERY_MS); their answer times in ms. */
type Reads = { times: Record<string, number[]>; jobMs: number };

const PLAIN_READS: [string, unknown][] = [['workspace.current', {}], ['threads.search', { limit: 20 }]];
/** During an import also the inbox's "personal data to review" list, which reads what the check after it stores. */
const FILTERED = 'curation.search';
const IMPORT_READS: [string, unknown][] = [...PLAIN_READS, [FILTERED, { unreviewed: true, limit: 20 }]];
/** The filtered read's answers while conversations were still being checked (stillChecking > 0), kept apart. */
const DURING_CHECK = `${FILTERED} unreviewed, during the check`;

async function readsDuring(host: HostClient, job: Promise<unknown>, reads: [string, unknown][] = PLAIN_READS): Promise<Reads> {
  const t0 = performance.now();
  let done = false;
  const finished = job.finally(() => {
    done = true;
  });
  const times: Record<string, number[]> = Object.fromEntries(reads.map(([channel]) => [channel === FILTERED ? `${FILTERED} unreviewed` : channel, []]));
  if (reads.some(([channel]) => channel === FILTERED)) times[DURING_CHECK] = [];
  let i = 0;
  while (!done) {
    const [channel, request] = reads[i++ % reads.length]!;
    const started = performance.now();
    const { result } = await host.call(SESSION, channel, request);
    if (!result.ok) throw new Error(`a read failed during the job: ${result.error.message}`);
    const checking = channel === FILTERED && ((result.value as { stillChecking?: number }).stillChecking ?? 0) > 0;
    times[checking ? DURING_CHECK : channel === FILTERED ? `${FILTERED} unreviewed` : channel]!.push(performance.now() - started);
    await new Promise((ok) => setTimeout(ok, EVERY_MS));
  }
  await finished;
  return { times, jobMs: performance.now() - t0 };
}

/** The longest and median answer of each read, for the log while the bench goes on. */
function summary(r: Reads): string {
  return Object.entries(r.times).map(([channel, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return `${channel} median ${percentile(sorted, 50).toFixed(1)} ms, longest ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`;
  }).join('; ');
}

function rows(job: string, threads: number, r: Reads): BenchRow[] {
  return Object.entries(r.times).map(([channel, times]) => row(job, channel, threads, r.jobMs, times));
}

function row(job: string, channel: string, threads: number, jobMs: number, times: number[]): BenchRow {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    'while': job,
    read: channel,
    threads,
    'job s': Number((jobMs / 1000).toFixed(1)),
    reads: sorted.length,
    'median ms': Number(percentile(sorted, 50).toFixed(1)),
    'p95 ms': Number(percentile(sorted, 95).toFixed(1)),
    'longest ms': Number((sorted.at(-1) ?? Number.NaN).toFixed(1)),
    'target': '< 100 ms',
  };
}

async function expectOk(p: Promise<{ result: { ok: boolean } & ({ ok: true } | { ok: false; error: { message: string } }) }>, what: string): Promise<void> {
  const { result } = await p;
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message}`);
}

export async function run(): Promise<BenchTable> {
  const threads = Math.max(1000, Math.round(100_000 * scale()));
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-host-'));
  const host = startCoreWorker();
  try {
    await host.ready;
    const file = join(dir, 'threads.jsonl');
    process.stderr.write(`host bench: generating ${threads.toLocaleString('en')} threads…\n`);
    await writeThreads(file, threads);
    await expectOk(host.call(SESSION, 'workspace.init', { dir: join(dir, 'ws'), name: 'Bench' }), 'workspace.init');
    process.stderr.write(`host bench: importing ${(statSync(file).size / 2 ** 20).toFixed(0)} MB while reading…\n`);
    const imported = await readsDuring(host, expectOk(host.call(SESSION, 'imports.run', { files: [file] }), 'import'), IMPORT_READS);
    process.stderr.write(`host bench: import done in ${(imported.jobMs / 1000).toFixed(1)} s; ${summary(imported)}\n`);
    await expectOk(host.call(SESSION, 'curation.decide', { target: { query: {} }, decision: 'publish' }), 'decide');
    // The same reads with nothing running: what the machine itself adds (a shared or slow machine's pauses).
    const idle = await readsDuring(host, new Promise((ok) => setTimeout(ok, IDLE_MS)));
    process.stderr.write('host bench: building the site while reading…\n');
    const built = await readsDuring(host, expectOk(host.call(SESSION, 'site.build', { out: join(dir, 'site'), search: false }), 'build'));
    return {
      title: 'The core host: time to answer a read while a long job runs (reads every 25 ms, through the contract)',
      rows: [...rows('nothing', threads, idle), ...rows('import', threads, imported), ...rows('site build', threads, built)],
      notes: [
        'The host runs on its own thread (the desktop app: a utility process), so the window never waits; these times are how long a read waits for the core itself.',
        'Imports, builds and claims lint run on the host\'s job worker (electron/core/job-worker.ts), so the host\'s thread only answers; "nothing" is the same reads with no job running (the machine\'s own pauses).',
        `"${DURING_CHECK}": the inbox's "personal data to review" list asked while the import's personal-data check still ran (its answer said stillChecking > 0): answered from what is stored, the unchecked conversations counted as unreviewed, never checked on the host's thread.`,
      ],
    };
  } finally {
    await host.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./run.ts');
  console.log(formatTable(await run()));
}
