import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { initWorkspace } from '../../electron/core/workspace.ts';
import type { Workspace } from '../../electron/core/workspace.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE = join(ROOT, 'node_modules/.bin/node');
export const CLI = join(ROOT, 'electron/cli/candor.ts');
/** Corpora copied into the repository (Big List of Naughty Strings, csv-spectrum), licences beside them. */
export const CORPORA = join(ROOT, 'test/fixtures/corpora');
export const BLNS: string[] = JSON.parse(readFileSync(join(CORPORA, 'blns.json'), 'utf8')) as string[];

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'candor-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempWorkspace(name = 'Acme Test Ltd'): { ws: Workspace; dir: string; cleanup: () => void } {
  const t = tempDir();
  const ws = initWorkspace(join(t.dir, 'ws'), { name, actor: 'tester' });
  return { ws, dir: ws.dir, cleanup: () => { ws.close(); t.cleanup(); } };
}

export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the real `candor` command on Node 24, as a user would. */
export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(NODE, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CANDOR_ACTOR: 'tester', ...env }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[], env: Record<string, string> = {}) {
  return spawn(NODE, [CLI, ...args], { cwd: ROOT, env: { ...process.env, CANDOR_ACTOR: 'tester', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

type Msg = { id?: string; author: { role: 'customer' | 'staff' | 'system'; name?: string }; sent_at: string; body: string; visibility?: 'public' | 'internal'; format?: string };
export type ThreadRec = { id: string; source?: string; subject?: string; rating?: number | null; kind?: string; status?: string; tags?: string[]; customer?: { name?: string; email?: string; location?: string }; messages: Msg[] };

/** Simple deterministic threads in Candor's format, for tests. */
export function makeThreads(n: number, prefix = 't'): ThreadRec[] {
  const out: ThreadRec[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push({
      id: `${prefix}${i}`,
      subject: i % 3 === 0 ? `Late delivery ${i}` : `Question about order ${i}`,
      rating: i % 5 === 0 ? null : 1 + (i % 5),
      customer: { name: `Customer ${i}`, email: `c${i}@example.com`, location: 'Leeds' },
      tags: i % 2 ? ['delivery'] : ['billing'],
      messages: [
        { id: `${prefix}${i}-1`, author: { role: 'customer', name: `Customer ${i}` }, sent_at: `2026-03-${day}T09:00:00Z`, body: `My order ${i} is late, where is it?` },
        { id: `${prefix}${i}-2`, author: { role: 'staff', name: 'Sam' }, sent_at: `2026-03-${day}T11:00:00Z`, body: `Sorry about order ${i}; it ships today.` },
        { id: `${prefix}${i}-3`, author: { role: 'staff', name: 'Sam' }, sent_at: `2026-03-${day}T11:05:00Z`, body: `internal: customer ${i} flagged VIP`, visibility: 'internal' },
      ],
    });
  }
  return out;
}

export function jsonl(records: unknown[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
