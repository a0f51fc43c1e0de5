import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClaim, transitionClaim } from '../../electron/core/claims/store.ts';
import { createCore } from '../../electron/core/index.ts';
import type { Core } from '../../electron/core/index.ts';
import { changeSiteSettings } from '../../electron/core/site/settings.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { ClaimInput } from '../../electron/shared/claims/model.ts';
import { cli } from '../helpers/cli.ts';
import { tempWorkspace } from '../helpers/workspace.ts';

// A German company's "Biologisch abbaubar" is too short for its language to be told from its words. The site reads it
// in the workspace's language (test/site/claim-language.test.ts), and so does the app's check when it is asked for
// one claim (claims.lint). Publishing, the claims list and a claim's page in the app, the export check and the command
// line read it the same way: as German, where it is a degradability claim (GC-DEGRADABLE, an error), not as English.
// A language set on the claim wins.

const evidence = [{ type: 'certificate', title: 'Prüfbericht 2025', issuer: 'TÜV', independent_third_party: true, valid_until: '2027-09-30', covers: ['product'] }];
const AS_OF = '2026-06-30';

let ws: Workspace;
let core: Core;
let cleanup: () => void;
beforeEach(() => {
  const t = tempWorkspace('Grünwald GmbH');
  ws = t.ws;
  changeSiteSettings(ws, { language: 'de' });
  for (const [id, language] of [['abbaubar', null], ['abbaubar-en', 'en']] as const) {
    saveClaim(ws, ClaimInput.parse({ id, title: 'Biologisch abbaubar', statement: 'Biologisch abbaubar', markets: ['EU'], category: 'other', scope: 'product', evidence, language }));
  }
  core = createCore({ workspace: ws });
  cleanup = () => { core.close(); t.cleanup(); };
});
afterEach(() => cleanup());

describe('a short claim in a German workspace', () => {
  it('is not published over its German finding without a recorded reason', () => {
    expect(() => transitionClaim(ws, 'abbaubar', 'published', { asOf: AS_OF })).toThrow(expect.objectContaining({ code: 'LINT_BLOCKED', message: expect.stringContaining('GC-DEGRADABLE') }));
    const t = transitionClaim(ws, 'abbaubar', 'published', { asOf: AS_OF, override: 'Zertifikat liegt vor.' });
    expect(t.overridden.map((f) => f.rule)).toContain('GC-DEGRADABLE');
    // Set to English on the claim, the same words are read as English.
    expect(transitionClaim(ws, 'abbaubar-en', 'published', { asOf: AS_OF }).overridden).toEqual([]);
  });

  it('shows the finding in the app\'s list and on the claim\'s page', async () => {
    const list = await core.dispatch('claims.list', { asOf: AS_OF });
    expect(list).toMatchObject({ ok: true, value: { claims: [{ id: 'abbaubar', findings: { error: 1 } }, { id: 'abbaubar-en', findings: { error: 0 } }] } });
    const page = await core.dispatch('claims.get', { id: 'abbaubar', asOf: AS_OF }) as { ok: true; value: { findings: { rule: string }[] } };
    expect(page.value.findings.map((f) => f.rule)).toContain('GC-DEGRADABLE');
  });

  it('is read as German by candor claims lint', async () => {
    const r = await cli(['claims', 'lint', ws.dir, 'abbaubar', 'abbaubar-en', '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(4);
    const findings = (JSON.parse(r.stdout) as { findings: { claim: string; rule: string }[] }).findings;
    expect(findings.filter((f) => f.rule === 'GC-DEGRADABLE').map((f) => f.claim)).toEqual(['abbaubar']);
  });
});
