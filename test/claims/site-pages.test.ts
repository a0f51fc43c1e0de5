// The public claim pages, in both themes, say what a reader needs to weigh a claim: that it was published over the
// check's findings and why, when and why it was retired, that a claim without a figure is a statement, and that a
// target whose year is over is no longer a future target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimInput } from '../../electron/shared/claims/model.ts';
import { saveClaim, transitionClaim } from '../../electron/core/claims/store.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { tempWorkspace } from '../helpers/workspace.ts';

const evidence = [{ type: 'audit', title: 'Audit 2025', issuer: 'SGS', independent_third_party: true, valid_until: '2027-09-30', covers: ['company'] }];
const claims = [
  { id: 'eco', title: 'Eco-friendly laundry liquid', statement: 'Our laundry liquid is eco-friendly.', category: 'generic', scope: 'product' },
  { id: 'bottle', title: 'Bottle: 100% recycled plastic', statement: 'Our shampoo bottle is made from 100% recycled plastic (cap not included).', category: 'recycled_content', scope: 'part', scope_detail: 'bottle', unit: '%', current_value: 100 },
  { id: 'halve', title: 'Halve emissions by 2024', statement: 'We will halve our scope 1 and 2 emissions by 2024 from 2019.', category: 'future_target', scope: 'company', unit: 'tCO2e', baseline: { value: 1000, year: 2019 }, target: { value: 500, year: 2024 }, current_value: 620, current_as_of: '2024-12-31' },
];

let fx: ReturnType<typeof tempWorkspace>;
const pages = new Map<string, string>();
beforeAll(async () => {
  fx = tempWorkspace();
  const ws = fx.ws;
  for (const c of claims) saveClaim(ws, ClaimInput.parse({ markets: ['EU', 'UK'], evidence, ...c }), { now: '2025-01-10T09:00:00.000Z' });
  transitionClaim(ws, 'eco', 'published', { asOf: '2025-02-01', now: '2025-02-01T09:00:00.000Z', override: 'Legal approved the campaign wording.' });
  transitionClaim(ws, 'bottle', 'published', { asOf: '2025-02-01', now: '2025-02-01T09:00:00.000Z' });
  transitionClaim(ws, 'bottle', 'retired', { now: '2025-03-04T09:00:00.000Z', reason: 'We changed bottle supplier.' });
  transitionClaim(ws, 'halve', 'published', { asOf: '2025-02-01', now: '2025-02-01T09:00:00.000Z', override: 'Verification plan under way.' });
  for (const theme of ['default', 'ledger']) {
    const out = join(fx.dir, '..', `site-${theme}`);
    await (await buildSite({ workspace: fx.dir, out, theme, search: false })).cleanup;
    for (const page of ['claims/index.html', 'claims/eco.html', 'claims/bottle.html', 'claims/halve.html']) pages.set(`${theme}/${page}`, readFileSync(join(out, page), 'utf8'));
  }
}, 120_000);
afterAll(() => fx.cleanup());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe.each(['default', 'ledger'])('the %s theme', (theme) => {
  it('says a claim was published despite the check, with the findings and the recorded reason', () => {
    const eco = text(pages.get(`${theme}/claims/eco.html`)!);
    expect(eco).toContain('Published despite our own check.');
    expect(eco).toContain('Legal approved the campaign wording.');
    expect(eco).toContain('GC-GENERIC-TERM');
    expect(text(pages.get(`${theme}/claims/bottle.html`)!)).not.toContain('Published despite our own check');
    expect(text(pages.get(`${theme}/claims/index.html`)!)).toMatch(/published despite (our own )?check/i);
  });

  it('shows when and why a claim was retired', () => {
    const bottle = text(pages.get(`${theme}/claims/bottle.html`)!);
    expect(bottle).toMatch(/This claim was retired on 4 March 2025/);
    expect(bottle).toContain('Why: We changed bottle supplier.');
    expect(text(pages.get(`${theme}/claims/index.html`)!)).toContain('We changed bottle supplier.');
  });

  it('calls a claim without a numeric target a statement, and a target whose year is over is not a future target', () => {
    const all = [...pages.entries()].filter(([k]) => k.startsWith(theme)).map(([, v]) => text(v)).join(' ');
    expect(all).not.toContain('Not measurable');
    expect(text(pages.get(`${theme}/claims/bottle.html`)!)).toContain('Statement (no numeric target)');
    const halve = text(pages.get(`${theme}/claims/halve.html`)!);
    expect(halve).toContain('Target (deadline passed)');
    expect(halve).not.toContain('Future target');
    expect(halve).toMatch(/Missed/);
  });
});
