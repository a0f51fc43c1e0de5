import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../electron/cli/commands/index.ts';
import { cli } from '../helpers/cli.ts';
import { jsonl, makeThreads, runCli, tempDir, writeTemp } from '../helpers/workspace.ts';

let dir: string;
let ws: string;
const cleanups: (() => void)[] = [];
beforeEach(() => {
  const t = tempDir();
  dir = t.dir;
  ws = join(dir, 'ws');
  cleanups.push(t.cleanup);
});
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

describe('candor CLI', () => {
  // Every command's help, through the same main() the binary runs (in-process: no Node start per command); the
  // binary itself prints help in the next test.
  it.each(commands.map((c) => c.name))('candor %s --help prints its usage', async (name) => {
    const r = await cli([name, '--help']);
    expect(r.code, name).toBe(0);
    expect(r.stdout, name).toContain(`Usage: candor ${name}`);
  });

  it('candor --help lists every command', () => {
    const top = runCli(['--help']);
    expect(top.code).toBe(0);
    for (const c of commands) expect(top.stdout).toContain(c.name);
  });

  it('--version prints the version package.json gives, which a built site names as its generator', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version']).stdout).toBe(`candor ${pkg.version}\n`);
    const { GENERATOR } = await import('../../electron/core/version.ts');
    expect(GENERATOR).toBe(`Candor ${pkg.version}`);
  });

  it('init, import --json, threads, decide and audit work together', async () => {
    expect((await cli(['init', ws, '--name', 'Acme Ltd'])).stdout).toContain('Created workspace "Acme Ltd"');
    const file = writeTemp(dir, 'threads.jsonl', jsonl(makeThreads(4)));
    const imp = await cli(['import', ws, file, '--json']);
    expect(imp.code).toBe(0);
    const report = JSON.parse(imp.stdout);
    expect(Object.keys(report)).toEqual(['file', 'format', 'threadsCreated', 'threadsUpdated', 'messagesCreated', 'internalNotes', 'rejected', 'skipped', 'warnings']);
    expect(report).toEqual({ file, format: 'json', threadsCreated: 4, threadsUpdated: 0, messagesCreated: 12, internalNotes: 4, rejected: [], skipped: [], warnings: [] });

    const again = JSON.parse((await cli(['import', ws, file, '--json'])).stdout);
    expect(again.threadsCreated).toBe(0);

    const list = JSON.parse((await cli(['threads', ws, '--json'])).stdout);
    expect(list.total).toBe(4);
    const late = JSON.parse((await cli(['threads', ws, '--query', 'late delivery', '--json'])).stdout);
    expect(late.threads.map((t: { externalId: string }) => t.externalId).sort()).toEqual(['t0', 't3']);

    expect((await cli(['decide', ws, 't1', 't2', 'publish'])).code).toBe(0);
    const withheld = await cli(['decide', ws, '--query', 'late delivery', 'withhold', '--reason', 'privacy-request', '--note', 'customer asked']);
    expect(withheld.code).toBe(0);
    expect(withheld.stdout).toContain('2 threads matched');
    const pub = JSON.parse((await cli(['threads', ws, '--decision', 'publish', '--json'])).stdout);
    expect(pub.threads.map((t: { externalId: string }) => t.externalId).sort()).toEqual(['t1', 't2']);

    const audit = JSON.parse((await cli(['audit', ws, '--json'])).stdout);
    const decides = audit.entries.filter((e: { action: string }) => e.action === 'thread.decide');
    expect(decides).toHaveLength(4);
    expect(decides.at(-1)).toMatchObject({ actor: 'tester', after: { decision: 'withhold', reason: 'privacy-request', note: 'customer asked' } });
  });

  it('exit 3 when some records are rejected, listing each with file and line', () => {
    runCli(['init', ws, '--name', 'Acme']);
    const file = writeTemp(dir, 'mixed.jsonl', `${JSON.stringify(makeThreads(1)[0])}\n{"id":"bad"}\n`);
    const r = runCli(['import', ws, file, '--json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.threadsCreated).toBe(1);
    expect(report.rejected).toEqual([{ location: 'mixed.jsonl line 2', reason: expect.stringContaining('messages') }]);
  });

  it('exit 1 on a fatal error, with nothing changed', () => {
    runCli(['init', ws, '--name', 'Acme']);
    const good = writeTemp(dir, 'good.jsonl', jsonl(makeThreads(2)));
    const bad = writeTemp(dir, 'bad.json', '{"threads": [ oops ]}');
    const r = runCli(['import', ws, good, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json');
    expect(JSON.parse(runCli(['threads', ws, '--json']).stdout).total).toBe(0);
  });

  it('usage errors exit 2 and say what is wrong', () => {
    runCli(['init', ws, '--name', 'Acme']);
    const noReason = runCli(['decide', ws, '--all', 'withhold']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('withholding needs a reason');
    const badKind = runCli(['threads', ws, '--kind', 'rant']);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/kind/);
    expect(runCli(['init', join(dir, 'x')]).stderr).toContain('--name');
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['threads', join(dir, 'nowhere')]).stderr).toContain('not a Candor workspace');
  });
});
