// `candor claims ...` as a user runs it, on a temporary workspace: the first tests start the real command on Node 24 (exit
// codes, streams, start-up); the rest run the same `main()` in-process, which saves a Node start per command.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { runCli, tempDir } from '../helpers/workspace.ts';

const FIXTURE = resolve('test/fixtures/claims/claims.json');
const AS_OF = '2026-10-01';

let root: string;
let cleanup: () => void;
let n = 0;
beforeAll(() => {
  ({ dir: root, cleanup } = tempDir());
});
afterAll(() => cleanup());

/** A fresh workspace, optionally with the fixture imported. */
async function workspace(withFixture = true): Promise<string> {
  const ws = join(root, `ws${++n}`);
  expect((await cli(['init', ws, '--name', 'Northwind Home & Outdoor'])).code).toBe(0);
  if (withFixture) expect((await cli(['claims', 'import', ws, FIXTURE])).code).toBe(0);
  return ws;
}

const FIXTURE_FINDINGS: Record<string, string[]> = {
  'NW-003': ['GC-GENERIC-TERM', 'GC-NO-EVIDENCE'],
  'NW-004': ['GC-OFFSET-PRODUCT-NEUTRAL', 'GC-OFFSET-UNDISCLOSED', 'GC-OFFSET-VERIFY'],
  'NW-005': ['GC-EVIDENCE-EXPIRED', 'GC-LABEL-NO-SCHEME'],
  'NW-006': ['GC-COMPOSTABLE-QUALIFY'],
  'NW-009': ['GC-FUTURE-NO-VERIFIER'],
  'NW-010': ['GC-ABSOLUTE', 'GC-WHOLE-VS-PART'],
  'NW-012': ['GC-DEGRADABLE', 'GC-NO-EVIDENCE'],
  'NW-013': ['GC-NONTOXIC'],
};

// The binary tests start Node several times (a second or more per start on a loaded machine): a minute is not slow.
describe('candor claims: help, usage and import', { timeout: 120_000 }, () => {
  it('has --help for the command and its subcommands, and says the linter is not legal advice', () => {
    for (const args of [['claims', '--help'], ['claims', 'lint', '--help'], ['claims', 'publish', 'ws', '--help']]) {
      const r = runCli(args);
      expect(r.code).toBe(0);
      for (const sub of ['import', 'list', 'lint', 'publish', 'retire', 'history']) expect(r.stdout).toContain(`candor claims ${sub}`);
      expect(r.stdout).toMatch(/not legal advice/);
    }
    expect(runCli(['--help']).stdout).toMatch(/claims\s+Sustainability claims/);
  });

  it('refuses bad usage with exit 2', async () => {
    const ws = await workspace(false);
    expect(runCli(['claims']).code).toBe(2);
    expect(runCli(['claims', 'frobnicate', ws]).stderr).toMatch(/name a subcommand/);
    expect(runCli(['claims', 'lint']).code).toBe(2);
    expect(runCli(['claims', 'lint', ws, '--as-of', '2026-02-30']).stderr).toMatch(/YYYY-MM-DD/);
    expect(runCli(['claims', 'history', ws]).code).toBe(2);
    expect(runCli(['claims', 'retire', ws, 'X', '--override', 'why']).stderr).toMatch(/does not take --override/);
  });

  it('--evidence-dir and the evidenceMaxMb setting: refused evidence names the record, exit 3', async () => {
    const ws = await workspace(false);
    const evidence = join(root, `evidence${n}`);
    mkdirSync(evidence);
    writeFileSync(join(evidence, 'lca.bin'), Buffer.alloc(2 * 1024 * 1024, 1));
    const file = join(root, `with-evidence${n}.json`);
    writeFileSync(file, JSON.stringify({ claims: [{ id: 'E-1', statement: 'Made with 30% recycled plastic.', markets: ['UK'], category: 'recycled_content', scope: 'product', evidence: [{ type: 'report', file: 'lca.bin' }] }] }));
    expect((await cli(['settings', ws, 'set', 'evidence-max-mb', '1'])).code).toBe(0);
    const refused = await cli(['claims', 'import', ws, file, '--evidence-dir', evidence, '--json']);
    expect(refused.code).toBe(3);
    expect((JSON.parse(refused.stdout) as { rejected: { location: string; reason: string }[] }).rejected).toEqual([
      { location: `${file} record 1`, reason: expect.stringMatching(/^claim E-1: evidence 1: .*lca\.bin is 2\.0 MB, over the workspace limit of 1\.0 MB/) as unknown as string },
    ]);
  });

  it('imports with the thread-import report and exit codes', async () => {
    const ws = await workspace(false);
    const ok = await cli(['claims', 'import', ws, FIXTURE, '--json']);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['file', 'format', 'claimsCreated', 'claimsUpdated', 'rejected', 'warnings']);
    expect(report).toMatchObject({ format: 'json', claimsCreated: 13, claimsUpdated: 0, rejected: [] });

    const mixed = join(root, 'mixed.json');
    writeFileSync(mixed, JSON.stringify({ claims: [{ id: 'X-1', statement: 'Made with 30% recycled plastic.', markets: ['UK'], category: 'recycled_content', scope: 'product' }, { id: 'X-2', statement: '', markets: ['UK'], category: 'generic', scope: 'product' }] }));
    const partial = await cli(['claims', 'import', ws, mixed]);
    expect(partial.code).toBe(3);
    expect(partial.stdout).toContain(`rejected ${mixed} record 2: claim X-2: statement`);

    const broken = join(root, 'broken.json');
    writeFileSync(broken, '{"claims": [');
    const fatal = await cli(['claims', 'import', ws, FIXTURE, broken]);
    expect(fatal.code).toBe(1);
    expect(fatal.stderr).toMatch(/broken\.json.*not valid JSON/);
    const list = JSON.parse((await cli(['claims', 'list', ws, '--json'])).stdout) as { claims: unknown[] };
    expect(list.claims).toHaveLength(14);
  });
});

describe('candor claims lint', { timeout: 120_000 }, () => {
  it('lint --json prints exactly {"findings":[{claim,rule,severity,citation,message,fix}]} and exits 4 on errors', async () => {
    const ws = await workspace();
    const r = await cli(['claims', 'lint', ws, '--json', '--as-of', AS_OF]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { findings: Record<string, string>[] };
    expect(Object.keys(out)).toEqual(['findings']);
    for (const f of out.findings) {
      expect(Object.keys(f)).toEqual(['claim', 'rule', 'severity', 'citation', 'message', 'fix']);
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
    const byClaim: Record<string, string[]> = {};
    for (const f of out.findings) (byClaim[f.claim!] ??= []).push(f.rule!);
    for (const k of Object.keys(byClaim)) byClaim[k]!.sort();
    expect(byClaim).toEqual(FIXTURE_FINDINGS);
  });

  it('lint exits 0 without error-level findings, and its human output ends with the disclaimer', async () => {
    const ws = await workspace();
    const clean = await cli(['claims', 'lint', ws, 'NW-001', 'NW-007', '--as-of', AS_OF]);
    expect(clean.code).toBe(0);
    const lines = clean.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/is an automated check .* not legal advice\.$/);
    const all = await cli(['claims', 'lint', ws, '--as-of', AS_OF]);
    expect(all.code).toBe(4);
    expect(all.stdout).toContain('NW-005  FSC-certified oak chairs');
    expect(all.stdout.trim().split('\n').pop()).toMatch(/not legal advice/);
  });

  it('findings depend on the review date', async () => {
    const ws = await workspace();
    const before = JSON.parse((await cli(['claims', 'lint', ws, 'NW-005', '--json', '--as-of', '2026-03-01'])).stdout) as { findings: unknown[] };
    expect(before.findings).toEqual([]);
    expect((await cli(['claims', 'lint', ws, 'NW-005', '--as-of', '2026-03-01'])).code).toBe(0);
  });
});

describe('candor claims: publish, history, approval and list', { timeout: 120_000 }, () => {
  it('publish is blocked by error-level findings unless overridden with a recorded reason', async () => {
    const ws = await workspace();
    const r = await cli(['claims', 'publish', ws, 'NW-001', 'NW-003', '--as-of', AS_OF]);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('NW-001: published as revision 1.');
    expect(r.stdout).toMatch(/NW-003: not published — 2 error-level findings/);
    expect(r.stdout).toContain('--override');
    const o = await cli(['claims', 'publish', ws, 'NW-003', '--as-of', AS_OF, '--override', 'Legal approved the wording (LEG-42)']);
    expect(o.code).toBe(0);
    expect(o.stdout).toMatch(/published as revision 1 over 2 error-level findings/);
    const h = JSON.parse((await cli(['claims', 'history', ws, 'NW-003', '--json'])).stdout) as { revisions: { overrideReason: string }[]; events: { action: string; actor: string; detail: string | null }[] };
    expect(h.revisions[0]!.overrideReason).toBe('Legal approved the wording (LEG-42)');
    const override = h.events.find((e) => e.action === 'claim.lint-override')!;
    expect(override.actor).toBe('tester');
    expect(override.detail).toContain('Legal approved the wording (LEG-42)');
    expect((await cli(['claims', 'publish', ws, 'NOPE'])).code).toBe(1);
  });

  it('history shows what changed between revisions; retire keeps the claim visible as retired', async () => {
    const ws = await workspace();
    expect((await cli(['claims', 'publish', ws, 'NW-007', '--as-of', AS_OF])).code).toBe(0);
    const edited = join(root, 'edited.json');
    writeFileSync(edited, JSON.stringify({ claims: [{ id: 'NW-007', title: 'Trailhead jacket recycled polyester', statement: 'The Trailhead jacket is made with 70% recycled polyester by weight.', markets: ['EU', 'UK', 'US'], category: 'recycled_content', scope: 'product', metric: 'recycled content by weight', unit: '%', current_value: 70, current_as_of: '2026-09-01', owner: 'Outdoor range', evidence: [{ type: 'certificate', title: 'Global Recycled Standard transaction certificate', issuer: 'Control Union', independent_third_party: true, issued: '2026-09-01', valid_until: '2027-08-31', covers: ['Trailhead jacket shell fabric'] }] }] }));
    const imp = JSON.parse((await cli(['claims', 'import', ws, edited, '--json'])).stdout) as { claimsUpdated: number };
    expect(imp.claimsUpdated).toBe(1);
    expect((await cli(['claims', 'publish', ws, 'NW-007', '--as-of', AS_OF])).code).toBe(0);
    const h = await cli(['claims', 'history', ws, 'NW-007']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Revision 2');
    expect(h.stdout).toContain('Statement: The Trailhead jacket is made with 62% recycled polyester by weight.  ->  The Trailhead jacket is made with 70% recycled polyester by weight.');
    expect(h.stdout).toContain('Current value: 62%  ->  70%');
    const json = JSON.parse((await cli(['claims', 'history', ws, 'NW-007', '--json'])).stdout) as { revisions: { revision: number; changes: { field: string }[] }[] };
    expect(json.revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(json.revisions[1]!.changes.map((c) => c.field)).toEqual(['statement', 'current_value', 'current_as_of', 'evidence']);

    expect((await cli(['claims', 'retire', ws, 'NW-007'])).code).toBe(0);
    const list = JSON.parse((await cli(['claims', 'list', ws, '--json'])).stdout) as { claims: { id: string; status: string; revision: number }[] };
    expect(list.claims.find((c) => c.id === 'NW-007')).toMatchObject({ status: 'retired', revision: 2 });
    expect((await cli(['claims', 'history', ws, 'NW-007'])).stdout).toContain('claim.retire');
    // Retired claims are not linted.
    const lint = JSON.parse((await cli(['claims', 'lint', ws, '--json', '--as-of', AS_OF])).stdout) as { findings: { claim: string }[] };
    expect(lint.findings.some((f) => f.claim === 'NW-007')).toBe(false);
  });

  it('settings turns on a second approver: the author is refused with a clear message, a colleague publishes; retire takes --reason', async () => {
    const ws = await workspace();
    const on = await cli(['claims', 'settings', ws, 'second-approver', 'on', '--json']);
    expect(on.code).toBe(0);
    expect(JSON.parse(on.stdout)).toEqual({ secondApprover: true });
    const self = await cli(['claims', 'publish', ws, 'NW-007', '--as-of', AS_OF]);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/NW-007.*last written by you \(tester\); this workspace needs a second person.*Ask a colleague to publish it/);
    expect((await cli(['claims', 'publish', ws, 'NW-007', '--as-of', AS_OF], { CANDOR_ACTOR: 'colleague' })).code).toBe(0);
    const retire = await cli(['claims', 'retire', ws, 'NW-007', '--reason', 'The jacket is discontinued.']);
    expect(retire.code).toBe(0);
    expect(retire.stdout).toContain('NW-007: now retired');
  });

  it('lists claims with findings and progress', async () => {
    const ws = await workspace();
    const r = await cli(['claims', 'list', ws, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^13 claims/);
    expect(r.stdout).toMatch(/NW-002\s+draft\s+EU,UK\s+0\/0\/0\s+behind\s+Halving our emissions by 2030/);
    const json = JSON.parse((await cli(['claims', 'list', ws, '--json', '--as-of', AS_OF])).stdout) as { claims: { id: string; progress: { status: string; explanation: string } | null }[] };
    expect(json.claims.find((c) => c.id === 'NW-002')!.progress!.explanation).toMatch(/39,500 tCO2e/);
  });
});
