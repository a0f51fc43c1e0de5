import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { tempWorkspace } from '../helpers/workspace.ts';
import { fixture } from './helpers.ts';

// The inbox's Source filter asks the core where the conversations came from: the vendors' ids, and the source name
// a CSV import was given (here "shop-helpdesk", from its mapping), which no list of importers holds.

describe('threads.sources', () => {
  it('names each source the workspace holds conversations from, CSV imports’ names included, with counts', async () => {
    const t = tempWorkspace();
    const dir = t.dir;
    t.ws.close();
    const core = createCore({ workspaceDir: dir });
    try {
      expect(await core.dispatch('threads.sources', {})).toEqual({ ok: true, value: { sources: [] } });
      const mapping = JSON.parse(readFileSync(fixture('csv', 'messages.mapping.json'), 'utf8')) as unknown;
      expect(await core.dispatch('imports.run', { files: [fixture('csv', 'messages.csv')], mapping })).toMatchObject({ ok: true });
      expect(await core.dispatch('imports.run', { files: [fixture('zendesk', 'tickets.json')] })).toMatchObject({ ok: true });
      const r = await core.dispatch('threads.sources', {});
      if (!r.ok) throw new Error(r.error.message);
      const { sources } = r.value as { sources: { id: string; threads: number }[] };
      expect(sources.map((s) => s.id)).toEqual(['shop-helpdesk', 'zendesk']);
      for (const s of sources) {
        const search = await core.dispatch('curation.search', { source: s.id, limit: 1 });
        expect(search).toMatchObject({ ok: true, value: { total: s.threads } });
        expect(s.threads).toBeGreaterThan(0);
      }
    } finally {
      core.close();
      t.cleanup();
    }
  }, 60_000);
});
