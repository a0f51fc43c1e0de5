import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initWorkspace } from '../../electron/core/workspace.ts';
import { main } from '../../electron/cli/main.ts';
import { runCli, tempDir } from '../helpers/workspace.ts';
import type { CliResult } from '../helpers/workspace.ts';
import { BILL, SARAH, storeThreads } from './fixture.ts';

/**
 * The same entry point as the `candor` binary, in-process: spawning Node 24 for each of these checks would cost
 * most of the suite's time. The last block runs the real binary for every command.
 */
async function cli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (x) => { stdout += x; }, err: (x) => { stderr += x; }, interactive: false });
  return { code, stdout, stderr };
}

let t: { dir: string; cleanup: () => void };
let ws: string;
beforeEach(() => {
  t = tempDir();
  const w = initWorkspace(join(t.dir, 'ws'), { name: 'Acme', actor: 'tester' });
  storeThreads(w, [SARAH, BILL]);
  ws = w.dir;
  w.close();
});
afterEach(() => t.cleanup());

type Finding = { id: string; kind: string; text: string; confidence: string; status: string; redacted: boolean; location: string };

async function findings(): Promise<Finding[]> {
  const r = await cli(['redactions', ws, 'zendesk:T1', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

describe('candor redactions / redact', async () => {
  it('lists findings as text and JSON', async () => {
    const text = await cli(['redactions', ws, 'zendesk:T1']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/8 findings, 8 awaiting review \(6 high confidence\), 8 removed when published/);
    expect(text.stdout).toMatch(/phone +high pending +removed .*"07911 123456"/);
    const json = JSON.parse((await cli(['redactions', ws, 'zendesk:T1', '--json'])).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['threadId', 'findings', 'manual', 'places', 'summary']);
    expect(text.stdout).toMatch(/^ {2}message:m_[0-9a-f]+ {2}customer 2026-01-05T09:00:00.000Z {2}\d+ characters$/m);
    expect((await findings()).map((f) => f.kind)).toEqual(['name', 'name', 'phone', 'email', 'address', 'postcode', 'card', 'name']);
  });

  it('accepts, rejects with a reason, and redacts spans', async () => {
    const list = await findings();
    const address = list.find((f) => f.kind === 'address')!;
    const phone = list.find((f) => f.kind === 'phone')!;
    const noReason = await cli(['redact', ws, 'zendesk:T1', '--reject', phone.id]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/needs a reason/);
    const msg = address.location.slice('message:'.length);
    const r = await cli(['redact', ws, 'zendesk:T1', '--accept', address.id, '--reject', phone.id, '--reason', 'consent on file', '--span', `${msg}:0-2`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: Finding[]; manual: { location: string; start: number; end: number; text: string }[] };
    expect(out.findings.map((f) => [f.kind, f.status, f.redacted])).toEqual([['address', 'accepted', true], ['phone', 'rejected', false]]);
    expect(out.manual).toMatchObject([{ location: address.location, start: 0, end: 2, text: 'Hi' }]);
    const after = await cli(['redactions', ws, 'zendesk:T1']);
    expect(after.stdout).toMatch(/6 awaiting review \(5 high confidence\)/);
    expect(after.stdout).toMatch(/manual .*"Hi"/);
    const audit = await cli(['audit', ws, '--json']);
    const actions = (JSON.parse(audit.stdout) as { entries: { action: string }[] }).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['redaction.accept', 'redaction.keep', 'redaction.span']));
  });

  it('reports bad input clearly and changes nothing', async () => {
    expect((await cli(['redact', ws, 'zendesk:T1'])).code).toBe(2);
    const bad = await cli(['redact', ws, 'zendesk:T1', '--span', 'nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/<message-id>:<start>-<end>/);
    const missing = await cli(['redact', ws, 'zendesk:T1', '--accept', 'f_000000000000']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no finding "f_000000000000"/);
    const ok = (await findings())[0]!;
    // All or nothing: the valid accept is not kept when the span in the same call fails.
    expect((await cli(['redact', ws, 'zendesk:T1', '--accept', ok.id, '--span', 'subject:5-999'])).code).toBe(2);
    expect((await findings())[0]!.status).toBe('pending');
    expect((await cli(['redactions', ws, 'nope:1'])).code).toBe(1);
  });

  it('has --help', async () => {
    for (const cmd of ['redactions', 'redact', 'stats', 'settings']) {
      const r = await cli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: candor ${cmd}`));
    }
  });
});

describe('candor stats', async () => {
  it('prints statistics over all imported threads, as text and JSON', async () => {
    const text = await cli(['stats', ws]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Computed over all 2 imported threads/);
    expect(text.stdout).toMatch(/Moderation: 2 imported, 0 published, 0 withheld, 2 pending/);
    const json = JSON.parse((await cli(['stats', ws, '--json'])).stdout) as { scope: string; overall: { moderation: { imported: number } }; byMonth: { month: string }[] };
    expect(json.scope).toBe('all-imported-threads');
    expect(json.overall.moderation.imported).toBe(2);
    expect(json.byMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
  });
});

describe('candor settings', async () => {
  it('gets and sets with validation', async () => {
    expect((await cli(['settings', ws, 'get', 'defaultCountry'])).stdout).toBe('GB\n');
    const set = await cli(['settings', ws, 'set', 'default-country', 'NL']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('defaultCountry = NL\n');
    expect(JSON.parse((await cli(['settings', ws, 'get', '--json'])).stdout)).toMatchObject({ defaultCountry: 'NL', requirePiiHandled: false });
    expect((await cli(['settings', ws, 'set', 'topicRules', '{"Delivery":["courier*"]}'])).code).toBe(0);
    expect((await cli(['settings', ws, 'set', 'accountPatterns', 'ORD-\\d{6}', '--json'])).stdout).toBe('{"accountPatterns":["ORD-\\\\d{6}"]}\n');
    const bad = await cli(['settings', ws, 'set', 'requirePiiHandled', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Invalid value for requirePiiHandled/);
    expect((await cli(['settings', ws, 'set', 'colour', 'red'])).code).toBe(2);
    expect((await cli(['settings', ws, 'frobnicate'])).code).toBe(2);
    expect((await cli(['settings', ws, 'set', 'topicRules', '{oops'])).stderr).toMatch(/not valid JSON/);
  });
});

describe('candor threads with curation filters', async () => {
  it('filters by unreviewed personal data and topic', async () => {
    const r = await cli(['threads', ws, '--unreviewed', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { threads: { externalId: string }[] }).threads.map((x) => x.externalId)).toEqual(['T1']);
    await cli(['settings', ws, 'set', 'topicRules', '{"Delivery":["courier*","late delivery"]}']);
    const topic = JSON.parse((await cli(['threads', ws, '--topic', 'Delivery', '--json'])).stdout) as { total: number };
    expect(topic.total).toBe(2);
  });
});

describe('candor threads while another Candor still checks for personal data', () => {
  it('--unreviewed answers at once, counting unchecked threads as unreviewed, and says so; alone, it checks them itself', async () => {
    // What the app's job thread leaves while it checks an import: its mark, naming a live process and its thread.
    const mark = join(ws, '.candor-scanning');
    writeFileSync(mark, JSON.stringify({ pid: process.pid, thread: 4242, startedAt: 'test', next: 1, tail: 1, since: new Date().toISOString(), left: 2 }));
    const during = await cli(['threads', ws, '--unreviewed', '--json']);
    expect(during.code, during.stderr).toBe(0);
    const page = JSON.parse(during.stdout) as { total: number; stillChecking: number; threads: { externalId: string }[] };
    expect(page.threads.map((x) => x.externalId).sort()).toEqual(['T1', 'T2']);
    expect(page.stillChecking).toBe(2);
    expect(during.stderr).toMatch(/^Still checking 2 conversations for personal data: until then they count as having unreviewed personal data\.$/m);
    // Nobody checking: the command finishes the check in its own process and answers exactly.
    rmSync(mark);
    const alone = await cli(['threads', ws, '--unreviewed', '--json']);
    expect(JSON.parse(alone.stdout)).toMatchObject({ total: 1, stillChecking: 0, threads: [{ externalId: 'T1' }] });
    expect(alone.stderr).toBe('');
  });
});

describe('the candor binary', () => {
  it('runs each curation command on Node 24 with its exit codes', () => {
    const listed = runCli(['redactions', ws, 'zendesk:T1', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const phone = (JSON.parse(listed.stdout) as { findings: Finding[] }).findings.find((f) => f.kind === 'phone')!;
    expect(runCli(['redact', ws, 'zendesk:T1', '--reject', phone.id]).code).toBe(2);
    expect(runCli(['redact', ws, 'zendesk:T1', '--accept', phone.id]).code).toBe(0);
    expect(runCli(['redact', ws, 'zendesk:T1', '--accept', 'f_000000000000']).code).toBe(1);
    const stats = runCli(['stats', ws]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/all 2 imported threads/);
    expect(runCli(['settings', ws, 'set', 'staffNaming', 'role']).stdout).toBe('staffNaming = role\n');
    expect(runCli(['settings', ws, 'get', 'staff-naming']).stdout).toBe('role\n');
    const help = runCli(['redact', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: candor redact/);
    const threads = runCli(['threads', ws, '--unreviewed']);
    expect(threads.code).toBe(0);
    expect(threads.stdout).toMatch(/^1 thread\n/);
  });
});
