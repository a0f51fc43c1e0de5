// Evidence named in an imported claims file: confined to the file's folder (or --evidence-dir), no links, a size
// limit checked before a byte is read, and a site build that copies evidence without reading it into memory.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confinedEvidencePath, storeEvidenceFile } from '../../electron/core/claims/evidence-files.ts';
import { importClaims } from '../../electron/core/claims/import.ts';
import { getClaim, listClaims } from '../../electron/core/claims/store.ts';
import { writeSetting } from '../../electron/core/curation/settings.ts';
import { stampOf } from '../../electron/core/site/file-stamps.ts';
import { SiteWriter } from '../../electron/core/site/site-writer.ts';
import { sha256File } from '../../electron/core/file-hash.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempDir, tempWorkspace } from '../helpers/workspace.ts';

let ws: Workspace;
let root: string; // holds "import/" (the claims file's folder) and "outside/"
let cleanup: () => void;
beforeEach(() => {
  const w = tempWorkspace();
  const t = tempDir();
  ws = w.ws;
  root = t.dir;
  mkdirSync(join(root, 'import', 'sub'), { recursive: true });
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'import', 'cert.txt'), 'certificate');
  writeFileSync(join(root, 'import', 'sub', 'audit.txt'), 'audit');
  writeFileSync(join(root, 'outside', 'secret.txt'), 'not for the public site');
  cleanup = () => { w.cleanup(); t.cleanup(); };
});
afterEach(() => cleanup());

const stored = () => readdirSync(join(ws.dir, 'evidence')).filter((f) => !f.startsWith('.'));
const claimWith = (id: string, file: string) => ({ id, statement: 'Made with 30% recycled plastic.', markets: ['UK'], category: 'recycled_content', scope: 'product', evidence: [{ type: 'certificate', file }] });
function claimsFile(...claims: unknown[]): string {
  const p = join(root, 'import', 'claims.json');
  writeFileSync(p, JSON.stringify({ claims }));
  return p;
}

describe('evidence paths are confined to the import folder', () => {
  const cases: [string, string, RegExp | null][] = [
    ['a file beside the claims file', 'cert.txt', null],
    ['a file in a subfolder', 'sub/audit.txt', null],
    ['"./" in front', './cert.txt', null],
    ['a detour that stays inside', 'sub/../cert.txt', null],
    ['"../" out of the folder', '../outside/secret.txt', /outside .*import/],
    ['"../" deep inside the path', 'sub/../../outside/secret.txt', /outside .*import/],
    ['an absolute path elsewhere', '@ROOT/outside/secret.txt', /outside .*import/],
    ['an absolute path inside is fine', '@ROOT/import/cert.txt', null],
    ['the folder itself', '.', /outside/],
    ['a file that is not there', 'missing.pdf', /does not exist/],
  ];
  it.each(cases)('%s', (_name, written, refused) => {
    const path = written.replace('@ROOT', root);
    if (refused) expect(() => confinedEvidencePath(join(root, 'import'), path)).toThrow(refused);
    else expect(confinedEvidencePath(join(root, 'import'), path)).toBe(resolve(join(root, 'import'), path));
  });

  it('refuses a link to a file outside, a link to a file inside, and a linked folder', () => {
    symlinkSync(join(root, 'outside', 'secret.txt'), join(root, 'import', 'link-out.txt'));
    symlinkSync(join(root, 'import', 'cert.txt'), join(root, 'import', 'link-in.txt'));
    symlinkSync(join(root, 'outside'), join(root, 'import', 'linked-dir'));
    for (const p of ['link-out.txt', 'link-in.txt', 'linked-dir/secret.txt']) {
      expect(() => confinedEvidencePath(join(root, 'import'), p)).toThrow(/symbolic link/);
    }
  });

  it('an import names the record whose evidence is refused, imports the rest, copies nothing from outside', async () => {
    symlinkSync(join(root, 'outside', 'secret.txt'), join(root, 'import', 'link.txt'));
    const [report] = await importClaims(ws, [claimsFile(
      claimWith('OK-1', 'cert.txt'), claimWith('UP-1', '../outside/secret.txt'),
      claimWith('ABS-1', join(root, 'outside', 'secret.txt')), claimWith('LNK-1', 'link.txt'),
    )]);
    expect(report!.claimsCreated).toBe(1);
    expect(report!.rejected.map((r) => r.location.replace(root, ''))).toEqual(['/import/claims.json record 2', '/import/claims.json record 3', '/import/claims.json record 4']);
    expect(report!.rejected[0]!.reason).toMatch(/^claim UP-1: evidence 1: the evidence file "\.\.\/outside\/secret\.txt" is outside /);
    expect(report!.rejected[1]!.reason).toMatch(/^claim ABS-1: evidence 1: the evidence file ".*secret\.txt" is outside /);
    expect(report!.rejected[2]!.reason).toMatch(/^claim LNK-1: evidence 1: the evidence "link\.txt" is \(or is inside\) a symbolic link/);
    expect(listClaims(ws.db).map((r) => r.claim.id)).toEqual(['OK-1']);
    expect(stored()).toHaveLength(1);
  });

  it('--evidence-dir: paths are read in the folder the user names, and confined to it', async () => {
    const [report] = await importClaims(ws, [claimsFile(claimWith('OUT-1', 'secret.txt'), claimWith('IN-1', 'cert.txt'))], { evidenceDir: join(root, 'outside') });
    expect(report!.claimsCreated).toBe(1);
    expect(getClaim(ws.db, 'OUT-1').claim.evidence[0]!.file?.name).toBe('secret.txt');
    expect(report!.rejected[0]!.reason).toMatch(/claim IN-1: evidence 1: the evidence file .*cert\.txt does not exist/);
    await expect(importClaims(ws, [claimsFile(claimWith('X', 'cert.txt'))], { evidenceDir: join(root, 'nope') })).rejects.toThrow(/not a folder/);
  });
});

describe('evidence size limit', () => {
  it('refuses a 2 GiB (sparse) file at import, naming the record and the limit, without reading it', async () => {
    const big = join(root, 'import', 'huge-lca.pdf');
    writeFileSync(big, '');
    truncateSync(big, 2 * 1024 ** 3); // sparse: no disk space, and reading it would take seconds
    const started = Date.now();
    const [report] = await importClaims(ws, [claimsFile(claimWith('BIG-1', 'huge-lca.pdf'), claimWith('OK-1', 'cert.txt'))]);
    expect(Date.now() - started).toBeLessThan(5000); // generous: hashing 2 GiB first would take far longer
    expect(report!.rejected).toHaveLength(1);
    expect(report!.rejected[0]!.location).toMatch(/claims\.json record 1$/);
    expect(report!.rejected[0]!.reason).toMatch(/claim BIG-1: evidence 1: .*huge-lca\.pdf is 2\.0 GB, over the workspace limit of 100\.0 MB \(setting evidenceMaxMb\)/);
    expect(report!.claimsCreated).toBe(1);
    expect(stored()).toHaveLength(1);
  });

  it('the limit is a workspace setting', async () => {
    writeFileSync(join(root, 'import', 'two-mb.bin'), Buffer.alloc(2 * 1024 * 1024, 1));
    writeSetting(ws.db, ws.actor, 'evidenceMaxMb', 1);
    expect((await importClaims(ws, [claimsFile(claimWith('A', 'two-mb.bin'))]))[0]!.rejected[0]!.reason).toMatch(/over the workspace limit of 1\.0 MB/);
    writeSetting(ws.db, ws.actor, 'evidenceMaxMb', 3);
    expect((await importClaims(ws, [claimsFile(claimWith('A', 'two-mb.bin'))]))[0]!.claimsCreated).toBe(1);
    expect(getClaim(ws.db, 'A').claim.evidence[0]!.file?.size).toBe(2 * 1024 * 1024);
  });

  it('a file stored under its hash is byte for byte the original, read-only', () => {
    const src = join(root, 'import', 'three-mb.bin');
    writeFileSync(src, Buffer.alloc(3 * 1024 * 1024 + 7, 0x5a));
    const s = storeEvidenceFile(ws.dir, src, { maxBytes: 4 * 1024 * 1024 });
    expect(s.file.sha256).toBe(sha256File(src).sha256);
    expect(readFileSync(s.path).equals(readFileSync(src))).toBe(true);
    expect(() => storeEvidenceFile(ws.dir, src, { maxBytes: 3 * 1024 * 1024 })).toThrow(/over the workspace limit of 3\.0 MB/);
  });
});

describe('site build copies evidence as a stream', () => {
  it('SiteWriter.copy writes the bytes, lists the stored hash and size, and leaves the copy replaceable', () => {
    const src = join(root, 'import', 'cert.txt');
    const { sha256 } = sha256File(src);
    const site = join(root, 'site');
    mkdirSync(site);
    const info = new SiteWriter(site).copy(`evidence/${sha256}.txt`, src, sha256);
    // The stamp is the copy's as it lies in the site: what the next rebuild checks the file by.
    expect(info).toEqual({ path: `evidence/${sha256}.txt`, sha256, size: 11, stamp: stampOf(statSync(join(site, info.path))) });
    expect(readFileSync(join(site, info.path), 'utf8')).toBe('certificate');
    writeFileSync(join(site, info.path), 'replaced'); // a read-only copy would fail here
  });
});
