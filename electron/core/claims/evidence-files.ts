// Evidence files are copied into <workspace>/evidence/<sha256> and never altered: the name is kept in the claim,
// the bytes only once, under their hash. A file that changes while it is copied is refused, not half-stored.
// Files are hashed in 1 MB chunks and copied by the kernel (copyFileSync), never read whole: a file of any size
// costs time, not memory. The size limit keeps a workspace (and every site built from it) publishable.

import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CandorError } from '../errors.ts';
import { EVIDENCE_DIR } from '../workspace.ts';
import type { EvidenceFile } from '../../shared/claims/model.ts';

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

/** Evidence larger than this is refused unless the workspace setting evidenceMaxMb says otherwise. */
export const DEFAULT_EVIDENCE_MAX_MB = 100;
const MB = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * MB) return `${(n / (1024 * MB)).toFixed(1)} GB`;
  if (n >= MB) return `${(n / MB).toFixed(1)} MB`;
  return `${n} bytes`;
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Where an evidence path written in an imported file points, confined to `baseDir` (the file's folder or the folder
 * the user named): a path that climbs out with "../", an absolute path elsewhere, or a symbolic link anywhere on the
 * way (a link can point anywhere, and a file that is not what it seems must not reach a public site) is refused.
 */
export function confinedEvidencePath(baseDir: string, written: string): string {
  const root = resolve(baseDir);
  const target = resolve(root, written);
  if (!within(root, target)) {
    throw new CandorError('EVIDENCE_OUTSIDE', `the evidence file "${written}" is outside ${root}; evidence must be in the imported file's folder or the folder given with --evidence-dir.`, { file: written });
  }
  let dir = root;
  for (const part of relative(root, target).split(sep)) {
    dir = join(dir, part);
    let st;
    try {
      st = lstatSync(dir);
    } catch {
      throw new CandorError('EVIDENCE_NOT_FOUND', `the evidence file ${target} does not exist.`, { file: written });
    }
    if (st.isSymbolicLink()) throw new CandorError('EVIDENCE_SYMLINK', `the evidence "${written}" is (or is inside) a symbolic link (${dir}); copy the file itself into ${root}.`, { file: written });
  }
  // The folder itself may sit behind a link (a home folder on another disk); what is inside it may not.
  if (!within(realpathSync(root), realpathSync(target))) {
    throw new CandorError('EVIDENCE_OUTSIDE', `the evidence file "${written}" is outside ${root}.`, { file: written });
  }
  return target;
}

export type StoreOptions = { name?: string; maxBytes?: number };

/** Copies a file into the workspace under its SHA-256 (once; the same bytes are stored once whatever their name). */
export function storeEvidenceFile(workspaceDir: string, source: string, options: StoreOptions = {}): StoredFile {
  const name = options.name ?? basename(source);
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new CandorError('EVIDENCE_NOT_FOUND', `The evidence file ${source} does not exist.`, { file: source });
  }
  if (!stat.isFile()) throw new CandorError('EVIDENCE_NOT_FOUND', `The evidence ${source} is not a file.`, { file: source });
  const maxBytes = options.maxBytes ?? DEFAULT_EVIDENCE_MAX_MB * MB;
  // Checked before a byte is read: a file over the limit costs nothing, whatever its size.
  if (stat.size > maxBytes) {
    throw new CandorError('EVIDENCE_TOO_LARGE', `the evidence file ${source} is ${formatBytes(stat.size)}, over the workspace limit of ${formatBytes(maxBytes)} (setting evidenceMaxMb); link to it with a URL, or raise the limit.`, { file: source });
  }
  const { sha256, size } = sha256File(source);
  if (size > maxBytes) throw new CandorError('EVIDENCE_CHANGED', `${source} grew while it was being read; try again.`, { file: source });
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
