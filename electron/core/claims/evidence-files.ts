// Evidence files are copied into <workspace>/evidence/<sha256> and never altered: the name is kept in the claim,
// the bytes only once, under their hash. A file that changes while it is copied is refused, not half-stored.

import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CandorError } from '../errors.ts';
import { EVIDENCE_DIR } from '../workspace.ts';
import type { EvidenceFile } from './model.ts';

import { sha256File } from '../file-hash.ts';
export { sha256File };

export function evidencePath(workspaceDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new CandorError('BAD_EVIDENCE', `"${sha256}" is not an evidence file hash.`);
  return join(workspaceDir, EVIDENCE_DIR, sha256);
}

export function hasEvidenceFile(workspaceDir: string, file: EvidenceFile): boolean {
  const p = evidencePath(workspaceDir, file.sha256);
  return existsSync(p) && statSync(p).size === file.size;
}

export type StoredFile = { file: EvidenceFile; created: boolean; path: string };

/** Copies a file into the workspace under its SHA-256 (once; the same bytes are stored once whatever their name). */
export function storeEvidenceFile(workspaceDir: string, source: string, name = basename(source)): StoredFile {
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new CandorError('EVIDENCE_NOT_FOUND', `The evidence file ${source} does not exist.`, { file: source });
  }
  if (!stat.isFile()) throw new CandorError('EVIDENCE_NOT_FOUND', `The evidence ${source} is not a file.`, { file: source });
  const { sha256, size } = sha256File(source);
  const target = evidencePath(workspaceDir, sha256);
  const file: EvidenceFile = { name, size, sha256 };
  if (existsSync(target)) return { file, created: false, path: target };
  mkdirSync(join(workspaceDir, EVIDENCE_DIR), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    copyFileSync(source, tmp);
    if (sha256File(tmp).sha256 !== sha256) throw new CandorError('EVIDENCE_CHANGED', `${source} changed while it was being copied; try again.`, { file: source });
    chmodSync(tmp, 0o444);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { file, created: true, path: target };
}

/** Removes files this operation created, when the transaction that referenced them rolled back. */
export function discardNewFiles(paths: readonly string[]): void {
  for (const p of paths) rmSync(p, { force: true });
}
