import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseEncoding, scanFile } from '../../electron/core/importers/file-scan.ts';
import { runImport } from '../../electron/core/importers/run.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { cli } from '../helpers/cli.ts';
import { runCli, tempWorkspace } from '../helpers/workspace.ts';
import { threadsOf } from './helpers.ts';

// Encodings (issue 14.9): one bad byte must not turn a whole UTF-8 file into Windows-1252 ("José" → "JosÃ©"). The
// encoding comes from the whole file's evidence, the lines with bad bytes are named, and --encoding forces one.

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

const HEADER = 'Review Id,Review Created (UTC),Review Username,Review Content,Review Stars\n';
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const latin1 = (s: string) => Buffer.from(s, 'latin1');

function csv(...rows: Buffer[]): string {
  const file = join(ws.dir, 'reviews.csv');
  writeFileSync(file, Buffer.concat([utf8(HEADER), ...rows]));
  return file;
}

const names = () => threadsOf(ws, 'trustpilot').map((t) => t.messages[0]!.authorName);

describe('choosing the encoding from the whole file', () => {
  it('a UTF-8 file with one stray byte stays UTF-8; the line is named and the byte shown as U+FFFD', async () => {
    const file = csv(utf8('r1,2024-01-01 10:00:00,José Muñoz,Très bien,5\n'), Buffer.concat([utf8('r2,2024-01-02 10:00:00,Zoë,ok'), Buffer.from([0x96]), utf8(' fine,4\n')]), utf8('r3,2024-01-03 10:00:00,Ångström,Great,5\n'));
    const [report] = await runImport(ws, [file], { format: 'trustpilot' });
    expect(names()).toEqual(['José Muñoz', 'Zoë', 'Ångström']);
    expect(threadsOf(ws, 'trustpilot')[1]!.messages[0]!.body).toBe('ok\uFFFD fine');
    expect(report!.warnings).toEqual([expect.stringMatching(/reviews\.csv: 1 byte is not valid UTF-8 \(line 3\); the file is UTF-8 otherwise/)]);
  });

  it('a Windows-1252 export (bytes that cannot be UTF-8, no UTF-8 at all) is read as Windows-1252, and said so', async () => {
    const file = csv(latin1('r1,2024-01-01 10:00:00,José Muñoz,Très bien,5\n'), latin1('r2,2024-01-02 10:00:00,Zoë,ça va,4\n'));
    const [report] = await runImport(ws, [file], { format: 'trustpilot' });
    expect(names()).toEqual(['José Muñoz', 'Zoë']);
    expect(report!.warnings![0]).toMatch(/read as Windows-1252.*lines 2, 3.*choose the file’s encoding/);
  });

  it('the invalid byte far from the start counts too (the first 64 KB are not the whole file)', () => {
    const file = join(ws.dir, 'big.csv');
    writeFileSync(file, Buffer.concat([utf8(HEADER), utf8('r,2024-01-01 10:00:00,Ana,plain ascii,5\n'.repeat(5000)), latin1('r,2024-01-01 10:00:00,Éva,café,5\n')]));
    const scan = scanFile(file, { maxLine: 1 << 20 });
    expect(scan).toMatchObject({ invalid: 2, multibyte: 0, invalidLines: [5002] });
    expect(chooseEncoding(scan, 'big.csv', false).encoding).toBe('windows-1252');
  });

  it('a character split across the scanner\'s chunks is one valid character', () => {
    const file = join(ws.dir, 'split.csv');
    const pad = 'a'.repeat((1 << 20) - 1);
    writeFileSync(file, Buffer.concat([utf8(pad), utf8('é\n')]));
    expect(scanFile(file, { maxLine: 4 << 20 })).toMatchObject({ invalid: 0, multibyte: 1 });
  });

  it('JSON is UTF-8 by definition: a stray byte is replaced and named, never a switch to Windows-1252', async () => {
    const file = join(ws.dir, 'threads.jsonl');
    writeFileSync(file, Buffer.concat([utf8('{"id":"a","messages":[{"author":{"role":"customer","name":"'), latin1('José'), utf8('"},"sent_at":"2024-01-01T00:00:00Z","body":"hi"}]}\n')]));
    const [report] = await runImport(ws, [file]);
    expect(threadsOf(ws)[0]!.messages[0]!.authorName).toBe('Jos\uFFFD');
    expect(report!.warnings![0]).toMatch(/threads\.jsonl: 1 byte is not valid UTF-8 \(line 1\)/);
  });

  it('--encoding forces one', async () => {
    const file = csv(latin1('r1,2024-01-01 10:00:00,José,fine,5\n'));
    ws.close();
    const r = await cli(['import', ws.dir, file, '--format', 'trustpilot', '--encoding', 'utf-8', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([]);
    expect(runCli(['import', ws.dir, file, '--encoding', 'ebcdic']).code).toBe(2);
  });

  it('the command line names the flag in its warning; the report (the app’s words) does not', () => {
    const file = csv(latin1('r1,2024-01-01 10:00:00,José,fine,5\n'));
    ws.close();
    const r = runCli(['import', ws.dir, file, '--format', 'trustpilot', '--json']);
    expect(JSON.parse(r.stdout).warnings[0]).not.toContain('--encoding');
    expect(r.stderr).toMatch(/warning: .*read as Windows-1252.*choose the file’s encoding and import it again\. \(--encoding utf-8\|windows-1252/);
  });
});
