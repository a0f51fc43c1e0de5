// Huge records (issue 14.8): how long `candor import` takes to refuse a file that is one enormous line, and how much
// memory it uses doing so. BENCH_SCALE scales the file (1 = 1 GB; 0.05 = about 50 MB). The limit is Candor's own
// (64 MB), so at small scales the file is under it and is read through, which the table says. Runs the real CLI.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchTable } from './run.ts';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const CLI = join(ROOT, 'electron/cli/candor.ts');
const MB = 1024 * 1024;

function writeOneLine(path: string, bytes: number, open: string, unit: string, close: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, open);
    const block = unit.repeat(Math.max(1, Math.floor(MB / unit.length)));
    for (let written = 0; written < bytes; written += block.length) writeSync(fd, block);
    writeSync(fd, close);
  } finally {
    closeSync(fd);
  }
}

function timed(args: string[]): { ms: number; code: number; rssMb: number; says: string } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', NODE, CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
  const ms = performance.now() - started;
  const lines = r.stderr.trim().split('\n');
  const kb = Number(lines.at(-1));
  return { ms, code: r.status ?? -1, rssMb: Number.isFinite(kb) ? kb / 1024 : Number.NaN, says: (r.stdout + lines.slice(0, -1).join(' ')).replace(/\s+/g, ' ').slice(0, 90) };
}

export async function run(): Promise<BenchTable> {
  const scale = Number(process.env.BENCH_SCALE ?? '1') || 1;
  const bytes = Math.round(1024 * MB * scale);
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-huge-'));
  const rows = [];
  try {
    const cases = [
      { label: 'JSON Lines: one line', file: 'one-line.jsonl', open: '{"id":"x","messages":[{"author":{"role":"customer"},"sent_at":"2024-01-01T00:00:00Z","body":"', unit: 'lorem ipsum ', close: '"}]}\n' },
      { label: 'JSON document on one line', file: 'one-line.json', open: '{"tickets":[', unit: '{"id":1,"subject":"s"},', close: '{"id":2}]}' },
      { label: 'CSV: one record', file: 'one-record.csv', open: 'Review Id,Review Content\nr1,"', unit: 'lorem ipsum ', close: '"\n' },
    ];
    for (const c of cases) {
      const path = join(dir, c.file);
      writeOneLine(path, bytes, c.open, c.unit, c.close);
      const ws = join(dir, `ws-${c.file}`);
      spawnSync(NODE, [CLI, 'init', ws, '--name', 'Bench'], { encoding: 'utf8' });
      const r = timed(['import', ws, path, ...(c.file.endsWith('.csv') ? ['--format', 'trustpilot'] : c.file.endsWith('.json') ? ['--format', 'zendesk'] : [])]);
      rows.push({ case: c.label, 'file MB': Math.round(bytes / MB), exit: r.code, seconds: (r.ms / 1000).toFixed(1), 'peak RSS MB': Math.round(r.rssMb), says: r.says });
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'Huge records: refusing a file that is one enormous record (limit 64 MB)',
    rows,
    notes: ['Target: refused (exit 1) within seconds, naming the record, with memory near the limit rather than the file size.'],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./run.ts');
  console.log(formatTable(await run()));
}
