// The app's claims channels, through the contract's schemas: requests parsed as the transport parses them, and every
// response checked against its schema (so IPC and HTTP carry exactly what the contract promises).
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/handlers/context.ts';
import { claimHandlers } from '../../electron/core/handlers/claims.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { claimChannels } from '../../electron/shared/contract/claims.ts';
import { tempWorkspace, writeTemp } from '../helpers/workspace.ts';
import { realCases } from './corpus-score.ts';
import type { ProgressEvent } from '../../electron/shared/contract.ts';

type Channel = keyof typeof claimChannels;

let ws: Workspace;
let dir: string;
let cleanup: () => void;
let ctx: CoreContext;
beforeEach(() => {
  ({ ws, dir, cleanup } = tempWorkspace());
  ctx = { workspace: () => ws, currentWorkspace: () => ws, setWorkspace: () => {}, emitProgress: () => {}, publishGuards: [], appState: { recent: [], preferences: { theme: 'system' } } };
});
afterEach(() => cleanup());

async function call(channel: Channel, request: unknown): Promise<unknown> {
  const spec = claimChannels[channel];
  const req = spec.req.parse(request);
  const handler = claimHandlers[channel] as (r: unknown, c: CoreContext) => unknown;
  const res = await handler(req, ctx);
  return spec.res.parse(res);
}

const claim = {
  id: 'APP-1', title: 'Oat drink', statement: 'Climate-friendly oat drink.', markets: ['EU'], category: 'generic', scope: 'product',
  metric: 'carbon footprint', unit: 'kg CO2e per litre', current_value: 0.3,
};

describe('claims channels', () => {
  it('save, get, list, lint', async () => {
    expect(await call('claims.save', { claim })).toMatchObject({ created: true, record: { status: 'draft' } });
    const detail = await call('claims.get', { id: 'APP-1', asOf: '2026-10-01' }) as { findings: { rule: string }[]; disclaimer: string };
    expect(detail.findings.map((f) => f.rule).sort()).toEqual(['GC-GENERIC-TERM', 'GC-NO-EVIDENCE']);
    expect(detail.disclaimer).toMatch(/not legal advice/);
    const list = await call('claims.list', { asOf: '2026-10-01' }) as { claims: { id: string; findings: { error: number } }[] };
    expect(list.claims.map((c) => [c.id, c.findings.error])).toEqual([['APP-1', 2]]);
    const lint = await call('claims.lint', { asOf: '2026-10-01' }) as { findings: unknown[] };
    expect(lint.findings).toHaveLength(2);
  });

  it('lints an unsaved claim as it is being edited', async () => {
    const r = await call('claims.lint', { asOf: '2026-10-01', claim: { ...claim, statement: 'Oat drink: 0.3 kg CO2e per litre (ISO 14067).' } }) as { findings: { rule: string }[] };
    expect(r.findings.map((f) => f.rule)).toEqual(['GC-NO-EVIDENCE']);
  });

  it('attaches evidence, then transitions through the workflow with an override', async () => {
    await call('claims.save', { claim });
    const file = writeTemp(dir, '../lca.pdf', 'LCA report');
    const a = await call('claims.attachEvidence', { id: 'APP-1', evidence: { type: 'report', title: 'LCA', issuer: 'Independent LCA reviewer', independent_third_party: true, file } }) as { record: { claim: { evidence: { file: { name: string } }[] } } };
    expect(a.record.claim.evidence[0]!.file.name).toBe('lca.pdf');
    await call('claims.transition', { id: 'APP-1', to: 'in_review' });
    await call('claims.transition', { id: 'APP-1', to: 'approved', note: 'checked figures' });
    await expect(call('claims.transition', { id: 'APP-1', to: 'published', asOf: '2026-10-01' })).rejects.toThrow(/GC-GENERIC-TERM/);
    const p = await call('claims.transition', { id: 'APP-1', to: 'published', asOf: '2026-10-01', override: 'Marketing to reword next sprint' }) as { publishedRevision: number; overridden: { rule: string }[] };
    expect(p.publishedRevision).toBe(1);
    expect(p.overridden.map((f) => f.rule)).toEqual(['GC-GENERIC-TERM']);
    const h = await call('claims.history', { id: 'APP-1' }) as { revisions: unknown[]; events: { action: string }[] };
    expect(h.revisions).toHaveLength(1);
    expect(h.events.map((e) => e.action)).toEqual(['claim.create', 'claim.update', 'claim.evidence.attach', 'claim.submit', 'claim.approve', 'claim.lint-override', 'claim.publish']);
  });

  it('lists many claims without holding the core: other requests are answered while their findings are counted', async () => {
    // The regulators' real cases (test/fixtures/claims/real-cases.json), three times over: 192 claims, four batches.
    const cases = realCases();
    for (let copy = 0; copy < 3; copy++) {
      for (const c of cases) await call('claims.save', { claim: { ...c.fields, id: `${c.id}-${copy}`, title: c.id, statement: c.statement } });
    }
    const progress: ProgressEvent[] = [];
    ctx.emitProgress = (e) => progress.push(e);
    let listed = false;
    const listing = call('claims.list', { asOf: '2026-10-01' }).then((r) => {
      listed = true;
      return r as { claims: { id: string; findings: { error: number; warning: number; info: number } }[] };
    });
    // One turn of the event loop later, the core can answer (here: a claim's page) while the list is still counting.
    await new Promise((ok) => setImmediate(ok));
    const one = await call('claims.get', { id: `${cases[0]!.id}-0`, asOf: '2026-10-01' }) as { findings: unknown[] };
    expect(listed).toBe(false);
    const list = await listing;
    expect(list.claims).toHaveLength(cases.length * 3);
    expect(progress.map((e) => [e.job, e.done, e.total])).toEqual([['claims.list', 50, 192], ['claims.list', 100, 192], ['claims.list', 150, 192]]);
    // Counted in batches, each row says what checking that claim alone says.
    const first = list.claims.find((c) => c.id === `${cases[0]!.id}-0`)!;
    expect(first.findings.error + first.findings.warning + first.findings.info).toBe(one.findings.length);
    const lint = await call('claims.lint', { asOf: '2026-10-01' }) as { findings: { claim: string; severity: string }[] };
    for (const row of list.claims) {
      expect(row.findings.error).toBe(lint.findings.filter((f) => f.claim === row.id && f.severity === 'error').length);
    }
  });

  it('imports files', async () => {
    const r = await call('claims.import', { files: [resolve('test/fixtures/claims/claims.json')] }) as { reports: { claimsCreated: number }[] };
    expect(r.reports[0]!.claimsCreated).toBe(13);
  });

  it('refuses bad requests at the contract', () => {
    expect(() => claimChannels['claims.transition'].req.parse({ id: 'X', to: 'deleted' })).toThrow();
    expect(() => claimChannels['claims.transition'].req.parse({ id: 'X', to: 'published', override: '  ' })).toThrow();
    expect(() => claimChannels['claims.list'].req.parse({ asOf: '2026-13-01' })).toThrow();
  });

  it('a missing claim is a NOT_FOUND error', async () => {
    await expect(call('claims.get', { id: 'NOPE' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('claims settings channels', () => {
  it('read and change the second-approver setting, and the transition refuses the author when it is on', async () => {
    expect(await call('claims.settings.get', {})).toEqual({ secondApprover: false });
    expect(await call('claims.settings.set', { secondApprover: true })).toEqual({ secondApprover: true });
    await call('claims.save', { claim });
    await call('claims.transition', { id: 'APP-1', to: 'in_review' });
    await expect(call('claims.transition', { id: 'APP-1', to: 'approved' })).rejects.toMatchObject({ code: 'SECOND_APPROVER_REQUIRED' });
    await call('claims.transition', { id: 'APP-1', to: 'retired', reason: 'Product discontinued.' });
    const h = await call('claims.history', { id: 'APP-1' }) as { events: { action: string; detail: string | null }[] };
    expect(h.events.at(-1)).toMatchObject({ action: 'claim.retire', detail: 'reason: Product discontinued.' });
  });
});
