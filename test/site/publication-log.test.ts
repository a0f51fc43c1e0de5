import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCurated } from '../../electron/core/curation/decisions.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { MANIFEST_FILE, verifySite } from '../../electron/core/site/manifest.ts';
import { CHANGES_FILE, entryHash, LogEntry } from '../../electron/core/site/publication-log.ts';
import { openWorkspace } from '../../electron/core/workspace.ts';
import { runCli } from '../helpers/workspace.ts';
import { fixtureThreads, siteWorkspace, snapshot } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';
import { PUBLISH_GUARDS } from '../../electron/core/publish-guards.ts';

// A published conversation taken down later must not vanish: each build records what changed since the previous
// one (added, updated, withdrawn with its reason), on a public page and in data/changes.json, as a hash chain that
// `candor verify` checks: a history with an update cut out or edited fails, and the break is named.

let fx: SiteWorkspace;
const site = () => join(fx.root, 'site');

function entries(dir: string): LogEntry[] {
  const file = JSON.parse(readFileSync(join(dir, CHANGES_FILE), 'utf8')) as { entries: unknown[] };
  return file.entries.map((e) => LogEntry.parse(e));
}

/** What someone rewriting the history would do: change data/changes.json and make the manifest agree. */
function rewriteHistory(dir: string, edit: (lines: string[]) => string[]): void {
  const file = join(dir, CHANGES_FILE);
  const [head, ...rest] = readFileSync(file, 'utf8').split('\n');
  const body = rest.slice(0, -2).map((l) => l.replace(/,$/, ''));
  const tail = rest.slice(-2);
  const text = [head, edit(body).join(',\n'), ...tail].join('\n');
  writeFileSync(file, text);
  const manifestFile = join(dir, MANIFEST_FILE);
  const manifest = readFileSync(manifestFile, 'utf8');
  const bytes = Buffer.from(text);
  writeFileSync(manifestFile, manifest.replace(/\{"path":"data\/changes\.json","sha256":"[0-9a-f]{64}","size":\d+\}/, `{"path":"data/changes.json","sha256":"${createHash('sha256').update(bytes).digest('hex')}","size":${bytes.length}}`));
}

beforeAll(async () => {
  const { threads, withheld, pending } = fixtureThreads(12);
  fx = await siteWorkspace(threads, { withhold: withheld, pending });
  // Update 1: everything published. Update 2: a published complaint taken down for a legal reason. Update 3: a
  // conversation taken back for review, and the one held back published after all.
  await (await buildSite({ workspace: fx.dir, out: site(), search: false })).cleanup;
  let ws = openWorkspace(fx.dir);
  decideCurated(ws, { ids: ['zendesk:fx-0'] }, { decision: 'withhold', reason: 'legal', note: 'solicitor' }, PUBLISH_GUARDS);
  ws.close();
  await (await buildSite({ workspace: fx.dir, out: site(), search: false })).cleanup;
  ws = openWorkspace(fx.dir);
  decideCurated(ws, { ids: ['trustpilot:fx-1'] }, { decision: 'pending' }, PUBLISH_GUARDS);
  decideCurated(ws, { ids: ['candor:fx-withheld'] }, { decision: 'publish' }, PUBLISH_GUARDS);
  ws.close();
  await (await buildSite({ workspace: fx.dir, out: site(), search: false })).cleanup;
}, 60_000);
afterAll(() => fx?.cleanup());

describe('the publication log', () => {
  it('records each build\'s changes, a withdrawn conversation with its reason', () => {
    const log = entries(site());
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log[0]!.threads.added).toHaveLength(12);
    expect(log[0]!.previous_entry).toBeNull();
    expect(log[1]!.threads).toMatchObject({ added: [], updated: [] });
    expect(log[1]!.threads.withdrawn).toEqual([{ id: expect.stringMatching(/^t_/), reason: 'legal', reason_label: 'Legal' }]);
    expect(log[2]!.threads.withdrawn).toEqual([{ id: expect.stringMatching(/^t_/), reason: 'review', reason_label: 'Taken back for review' }]);
    expect(log[2]!.threads.added).toHaveLength(1);
    expect(log[2]!.published.threads).toBe(11);
  });

  it('chains each entry to the one before and to the previous build\'s manifest', () => {
    const log = entries(site());
    expect(log[1]!.previous_entry).toBe(entryHash(log[0]!));
    expect(log[2]!.previous_entry).toBe(entryHash(log[1]!));
    expect(log[2]!.previous_manifest).toMatch(/^[0-9a-f]{64}$/);
    expect(log[2]!.previous_manifest).not.toBe(log[1]!.previous_manifest);
  });

  it('is a public page that names what was withdrawn and why', () => {
    const html = readFileSync(join(site(), 'changes.html'), 'utf8');
    expect(html).toContain('Update 2');
    expect(html).toContain('1 conversation withdrawn after publication');
    expect(html).toContain('a withheld conversation — Legal');
    expect(html).toContain('Taken back for review');
    // The withdrawn conversation's text is not on the page.
    expect(html).not.toContain('Order 0 is late');
  });

  it('adds nothing when nothing changed: building again gives the same site', async () => {
    const again = join(fx.root, 'again');
    await (await buildSite({ workspace: fx.dir, out: again, search: false })).cleanup;
    expect(entries(again)).toEqual(entries(site()));
    expect(snapshot(again).get('changes.html')).toBe(snapshot(site()).get('changes.html'));
  });

  it('passes verify as built', () => {
    expect(verifySite(site())).toMatchObject({ ok: true });
  });

  it('fails verify when an update was cut out, naming the break', () => {
    const copy = join(fx.root, 'cut');
    cpSync(site(), copy, { recursive: true });
    rewriteHistory(copy, (lines) => [lines[0]!, lines[2]!]);
    const r = verifySite(copy);
    expect(r).toMatchObject({ ok: false, path: CHANGES_FILE });
    expect(!r.ok && r.problem).toBe('BROKEN HISTORY: the history was cut: entry 3 follows entry 1, so entry 2 is missing');
    const cli = runCli(['verify', copy]);
    expect(cli.code).toBe(1);
    expect(cli.stdout + cli.stderr).toContain('entry 2 is missing');
  });

  it('fails verify when the start of the history was cut', () => {
    const copy = join(fx.root, 'cut-start');
    cpSync(site(), copy, { recursive: true });
    rewriteHistory(copy, (lines) => lines.slice(1));
    const r = verifySite(copy);
    expect(!r.ok && r.problem).toBe('BROKEN HISTORY: the history was cut: it starts at entry 2, so entry 1 is missing');
  });

  it('fails verify when an update was edited, naming which', () => {
    const copy = join(fx.root, 'edited');
    cpSync(site(), copy, { recursive: true });
    // Someone turns the legal takedown into an ordinary duplicate.
    rewriteHistory(copy, (lines) => lines.map((l) => l.replace('"reason":"legal","reason_label":"Legal"', '"reason":"duplicate","reason_label":"Duplicate"')));
    const r = verifySite(copy);
    expect(r).toMatchObject({ ok: false, path: CHANGES_FILE });
    expect(!r.ok && r.problem).toMatch(/^BROKEN HISTORY: the history was edited: entry 2 is not the entry that entry 3 follows/);
  });
});
