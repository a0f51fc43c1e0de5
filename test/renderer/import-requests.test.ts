import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';

// What the import screen asks of the core: a file typed without a full path is looked for in the documents folder
// (as a workspace folder is), and the text encoding chosen on the screen shows in the preview.

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import/trustpilot');
const root = mkdtempSync(join(tmpdir(), 'candor-import-requests-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const documents = join(root, 'Documents');
mkdirSync(join(documents, 'Exports'), { recursive: true });
copyFileSync(join(FIXTURES, 'reviews-semicolon-1252.csv'), join(documents, 'Exports', 'reviews-1252.csv'));
const core = createCore({ documentsDir: () => documents });

async function call(channel: string, request: unknown): Promise<Record<string, unknown>> {
  const r = await core.dispatch(channel, request);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

describe('the import screen’s requests', () => {
  it('reads a relative file path in the documents folder, and previews in the chosen encoding', async () => {
    await call('workspace.init', { dir: 'Candor/Harbour', name: 'Harbour' });
    expect(await call('workspace.current', {})).toMatchObject({ dir: join(documents, 'Candor/Harbour') });
    const typed = 'Exports/reviews-1252.csv';
    expect(await call('imports.detect', { files: [typed] })).toEqual({ files: [expect.objectContaining({ file: typed, format: 'trustpilot', error: null })] });
    const text = (p: Record<string, unknown>) => JSON.stringify(p.threads);
    // Read as UTF-8 by force, the Windows-1252 letters are garbled; as Windows-1252 they are right.
    const asUtf8 = await call('imports.preview', { files: [typed], encoding: 'utf-8', limit: 5 });
    const as1252 = await call('imports.preview', { files: [typed], encoding: 'windows-1252', limit: 5 });
    expect(text(asUtf8)).toContain('\uFFFD');
    expect(text(as1252)).not.toContain('\uFFFD');
    expect(text(as1252)).toMatch(/[éèàçöüñ]/);
    const { reports } = await call('imports.run', { files: [typed] }) as { reports: { threadsCreated: number }[] };
    expect(reports[0]!.threadsCreated).toBeGreaterThan(0);
  });
});
