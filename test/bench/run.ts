// `npm run bench`: runs every test/bench/*.bench.ts module that exports `run()`, one after the other, and prints
// what each returns. A module's run() may return a table ({ title, rows, notes? }), a list of tables, or nothing
// (when it prints for itself). BENCH_SCALE=0.1 makes every benchmark that reads it ten times smaller;
// BENCH_ONLY=import runs only the modules whose file name contains "import".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type BenchRow = Record<string, string | number>;
export type BenchTable = { title: string; rows: BenchRow[]; notes?: string[] };

function isTable(v: unknown): v is BenchTable {
  return typeof v === 'object' && v !== null && 'title' in v && Array.isArray((v as BenchTable).rows);
}

export function formatTable(t: BenchTable): string {
  const columns = [...new Set(t.rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined) => (v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('en', { maximumFractionDigits: 1 }) : v);
  const widths = columns.map((c) => Math.max(c.length, ...t.rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  const out = [`\n${t.title}`, line(columns), line(widths.map((w) => '-'.repeat(w)))];
  for (const r of t.rows) out.push(line(columns.map((c) => cell(r[c]))));
  for (const n of t.notes ?? []) out.push(`  ${n}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const dir = import.meta.dirname;
  const only = process.env.BENCH_ONLY;
  const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run?: () => unknown };
    if (typeof mod.run !== 'function') {
      console.log(`\n${f}: no run() export, skipped`);
      continue;
    }
    console.log(`\n== ${f}`);
    const result = await mod.run();
    for (const t of Array.isArray(result) ? result : [result]) if (isTable(t)) console.log(formatTable(t));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
