#!/usr/bin/env node
// `npm run electronegativity`: Doyensec's Electronegativity over the shell (electron/main, electron/preload) and the
// renderer's page, from a temporary install (it is not a project dependency). Fails on any high- or medium-severity
// finding. Needs the npm registry once per run; the check that downloads Electron's release notes from GitHub is
// skipped (no network at test time) — `npm outdated electron` covers that question.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const VERSION = '1.10.3';
const repo = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'candor-electronegativity-'));
const input = join(work, 'input');
const report = join(work, 'report.csv');

function run(cmd: string, args: string[], label: string): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0 && !existsSync(report)) {
    process.stderr.write(`${label} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}\n`);
    process.exit(2);
  }
}

try {
  const npm = process.env.npm_execpath;
  process.stdout.write(`Installing @doyensec/electronegativity@${VERSION} into ${work}…\n`);
  if (npm && npm.endsWith('.js')) run(process.execPath, [npm, 'install', '--prefix', work, `@doyensec/electronegativity@${VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'], 'npm install');
  else run('npm', ['install', '--prefix', work, `@doyensec/electronegativity@${VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'], 'npm install');

  // What runs in Electron: the shell's sources and the renderer's page (its CSP), plus package.json for the version.
  cpSync(join(repo, 'electron/main'), join(input, 'main'), { recursive: true });
  cpSync(join(repo, 'electron/preload'), join(input, 'preload'), { recursive: true });
  cpSync(join(repo, 'renderer/index.html'), join(input, 'index.html'));
  cpSync(join(repo, 'package.json'), join(input, 'package.json'));

  const cli = join(work, 'node_modules/@doyensec/electronegativity/dist/index.js');
  run(process.execPath, [cli, '-i', input, '-o', report, '-r', '-x', 'AvailableSecurityFixesGlobalCheck'], 'electronegativity');
  if (!existsSync(report)) {
    process.stderr.write('electronegativity wrote no report.\n');
    process.exit(2);
  }
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).map((line) => {
    const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => (m[2] ?? m[1] ?? '').trim());
    return { check: cells[0] ?? '', severity: cells[1] ?? '', confidence: cells[2] ?? '', file: cells[3] ?? '', location: cells[4] ?? '', description: cells[6] ?? '' };
  }).filter((r) => r.check);
  for (const r of rows) process.stdout.write(`${r.severity.padEnd(13)} ${r.confidence.padEnd(9)} ${r.check}  ${r.file}:${r.location}  ${r.description}\n`);
  const blocking = rows.filter((r) => r.severity === 'HIGH' || r.severity === 'MEDIUM');
  if (blocking.length) {
    process.stderr.write(`\nElectronegativity: ${blocking.length} high/medium finding(s). Fix them, or annotate a reviewed line with /* eng-disable <CHECK> -- why */.\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`\nElectronegativity: no high or medium findings (${rows.length} lower or informational).\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
