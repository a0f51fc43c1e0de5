import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_DIR } from '../../electron/core/site/build-state.ts';
import { CHANGES_FILE, LogEntry } from '../../electron/core/site/publication-log.ts';
import { buildInThread, useSiteFixture, withholdThread } from './helpers.ts';

// A build keeps that the publication log's recorded state is what the data publishes (kept.ts), so the next build
// of the same data does not hash every published thread again. A reader must still see every change: any change of
// data works the state out again, even with an older kept finding put back.

const fixture = useSiteFixture(12);
const kept = () => join(fixture().dir, STATE_DIR, 'publication.kept');
const entries = (site: string) => (JSON.parse(readFileSync(join(site, CHANGES_FILE), 'utf8')) as { entries: unknown[] }).entries.map((e) => LogEntry.parse(e));

const build = (out: string, clean = false) => buildInThread(fixture().dir, out, { clean });


describe('the publication state a build keeps', () => {
  it('is taken by the next build of the same data, which adds no entry', async () => {
    await build(join(fixture().root, 'a'));
    expect(existsSync(kept())).toBe(true);
    const first = statSync(kept());
    await build(join(fixture().root, 'b'));
    const second = statSync(kept());
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect(readFileSync(join(fixture().root, 'b', CHANGES_FILE), 'utf8')).toBe(readFileSync(join(fixture().root, 'a', CHANGES_FILE), 'utf8'));
    expect(entries(join(fixture().root, 'b'))).toHaveLength(1);
  }, 60_000);

  it('is worked out again when the data changes, even when an older kept finding is put back', async () => {
    const site = join(fixture().root, 'a');
    const old = join(fixture().root, 'publication.old');
    copyFileSync(kept(), old);
    withholdThread(fixture().dir, 'zendesk:fx-0');
    copyFileSync(old, kept());
    await build(site);
    const log = entries(site);
    expect(log).toHaveLength(2);
    expect(log[1]!.threads.withdrawn).toHaveLength(1);
    expect(readFileSync(kept())).not.toEqual(readFileSync(old));
    // The build after it, of the same data, adds nothing and shows the same history.
    await build(join(fixture().root, 'c'));
    expect(readFileSync(join(fixture().root, 'c', CHANGES_FILE), 'utf8')).toBe(readFileSync(join(site, CHANGES_FILE), 'utf8'));
    // --clean trusts nothing kept and finds the same.
    await build(join(fixture().root, 'd'), true);
    expect(readFileSync(join(fixture().root, 'd', CHANGES_FILE), 'utf8')).toBe(readFileSync(join(site, CHANGES_FILE), 'utf8'));
  }, 60_000);
});
