import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCore } from '../../electron/core/index.ts';
import type { Core } from '../../electron/core/index.ts';
import { initWorkspace } from '../../electron/core/workspace.ts';
import { tempDir } from '../helpers/workspace.ts';
import { BILL, SARAH, storeThreads } from './fixture.ts';

let t: { dir: string; cleanup: () => void };
let core: Core;
beforeEach(() => {
  t = tempDir();
  const w = initWorkspace(join(t.dir, 'ws'), { name: 'Acme', actor: 'tester' });
  storeThreads(w, [SARAH, BILL]);
  w.close();
  core = createCore({ workspaceDir: join(t.dir, 'ws') });
});
afterEach(() => {
  core.close();
  t.cleanup();
});

async function call<T>(channel: string, req: unknown): Promise<T> {
  const r = await core.dispatch(channel, req);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('curation handlers', () => {
  it('lists findings, accepts, keeps with a reason, spans, previews and decides', async () => {
    const page = await call<{ threads: { id: string; externalId: string }[] }>('curation.search', { unreviewed: true });
    const id = page.threads[0]!.id;
    const r = await call<{ findings: { id: string; kind: string; location: string }[] }>('curation.findings', { threadId: id });
    const phone = r.findings.find((f) => f.kind === 'phone')!;
    const address = r.findings.find((f) => f.kind === 'address')!;
    expect((await core.dispatch('curation.keep', { threadId: id, findingId: phone.id, reason: '' })).ok).toBe(false);
    await call('curation.keep', { threadId: id, findingId: phone.id, reason: 'published with consent' });
    await call('curation.accept', { threadId: id, findingId: address.id });
    await call('curation.span', { threadId: id, location: address.location, start: 0, end: 2 });
    const view = await call<{ messages: { body: string }[]; customer: string }>('curation.publishedView', { threadId: id });
    expect(view.messages[0]!.body).toMatch(/^\[removed\], I'm \[name removed\]\. Call me on 07911 123456/);
    expect(view.messages[0]!.body).toContain('[address removed]');
    expect(view.customer).toBe('Customer in Leeds');
    const decided = await call<{ changed: number }>('curation.decide', { target: { query: { kind: 'complaint' } }, decision: 'withhold', reason: 'legal', note: 'pending advice' });
    expect(decided.changed).toBe(1);
    const stats = await call<{ overall: { moderation: { withheldByReason: Record<string, number> } } }>('curation.stats', {});
    expect(stats.overall.moderation.withheldByReason.legal).toBe(1);
  });

  it('reads and writes settings through the contract, with errors as values', async () => {
    const s = await call<{ staffNaming: string }>('curation.settings.set', { key: 'staffNaming', value: 'role' });
    expect(s.staffNaming).toBe('role');
    expect((await call<{ staffNaming: string }>('curation.settings.get', {})).staffNaming).toBe('role');
    const bad = await core.dispatch('curation.settings.set', { key: 'staffNaming', value: 'initials' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    const unknown = await core.dispatch('curation.settings.set', { key: 'nope', value: 1 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const tags = await call<{ manual: string[] }>('curation.tags', { threadId: 'zendesk:T1', add: ['urgent'] });
    expect(tags.manual).toEqual(['urgent']);
    expect((await core.dispatch('curation.publishedView', { threadId: 'none:1' })).ok).toBe(false);
  });
});
