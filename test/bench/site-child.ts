// One measured site build, in a process of its own so its peak memory is the build's alone:
// `node test/bench/site-child.ts '{"workspace","out","search","clean"}'` prints one JSON line with the build report,
// the process's peak resident memory and the peak of the search service it started (a separate process).
import { readdirSync, readFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { COMPILE_CACHE_DIR } from '../../electron/core/compile-cache.ts';

// As `candor build` does (electron/cli/candor.ts): the builder's modules load from Node's compile cache, as the render
// workers' always have; without it this process alone spent a quarter of a second stripping types on every run.
enableCompileCache(process.env.NODE_COMPILE_CACHE ?? COMPILE_CACHE_DIR);
const { buildSite } = await import('../../electron/core/site/build.ts');

type Args = { workspace: string; out: string; search: boolean; clean?: boolean };

/** Resident memory of this process's children (the Pagefind service), sampled while the build runs. */
function childrenRssKb(): number {
  let total = 0;
  try {
    for (const task of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) total += Number(m[1]);
      }
    }
  } catch {
    // Not Linux, or a child just exited: the sample is skipped.
  }
  return total;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
let childPeakKb = 0;
const timer = setInterval(() => {
  childPeakKb = Math.max(childPeakKb, childrenRssKb());
}, 100);
const started = performance.now();
const report = await buildSite({ workspace: args.workspace, out: args.out, search: args.search, clean: args.clean });
const built = performance.now() - started;
await report.cleanup;
clearInterval(timer);
process.stdout.write(`${JSON.stringify({
  ms: built,
  pages: report.pages,
  files: report.files,
  bytes: report.bytes,
  threads: report.threads,
  rendered: report.rendered,
  reused: report.reused,
  incremental: report.incremental,
  timings: report.timings,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  searchServicePeakMb: childPeakKb / 1024,
})}\n`);
