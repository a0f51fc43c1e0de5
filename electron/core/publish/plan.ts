import { contentType as mimeContentType } from 'mime-types';
import type { Manifest, ManifestFile } from '../site/manifest.ts';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../site/manifest.ts';

// What a publish does, decided before anything is sent: which files differ from the remote copy's manifest, in
// which order they go up, which ones are removed afterwards, and the headers each one is served with. Pure.

export type PublishPlan = {
  /** Files whose SHA-256 differs from the remote manifest (or that it lacks), in upload order. */
  upload: ManifestFile[];
  /** Files the remote manifest lists and the new site no longer has: removed after the new manifest is up. */
  remove: string[];
  unchanged: ManifestFile[];
  /** The remote copy had no Candor manifest: every file goes up. */
  first: boolean;
};

/**
 * The difference between the site and the remote copy, by the remote's manifest. Files not in either manifest
 * (a CNAME file, .well-known/, anything the host or the company put there) are never touched.
 */
export function planPublish(local: Manifest, remote: Manifest | null, options: { full?: boolean } = {}): PublishPlan {
  const before = new Map((remote?.files ?? []).map((f) => [f.path, f]));
  const upload: ManifestFile[] = [];
  const unchanged: ManifestFile[] = [];
  for (const f of local.files) {
    const old = before.get(f.path);
    if (options.full || !old || old.sha256 !== f.sha256 || old.size !== f.size) upload.push(f);
    else unchanged.push(f);
  }
  const keep = new Set(local.files.map((f) => f.path));
  const remove = [...before.keys()].filter((p) => !keep.has(p) && p !== MANIFEST_FILE && p !== SIGNATURE_FILE).sort();
  return { upload: uploadOrder(upload), remove, unchanged, first: remote === null };
}

/**
 * Files that pages link to go up before the pages: a reader who gets a new page mid-publish finds what it needs.
 * Hashed files (new names) first, then other assets and data, then pages.
 */
export function uploadOrder(files: readonly ManifestFile[]): ManifestFile[] {
  const rank = (p: string) => (isHashedAsset(p) ? 0 : isPage(p) ? 2 : 1);
  return [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function isPage(path: string): boolean {
  return /\.html?$/i.test(path);
}

/**
 * A file whose name carries its content's hash (search index fragments, evidence named by SHA-256): a changed file
 * gets a new name, so the old one may be cached for a year. Never a page: a page's address must keep working.
 */
export function isHashedAsset(path: string): boolean {
  if (isPage(path)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /(^|[._-])(?=[0-9a-f]*[0-9])[0-9a-f]{7,64}\.[A-Za-z0-9_]+$/.test(name);
}

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_SHORT = 'public, max-age=300';
/** The manifest and signature are what a verifier compares against: always asked for again. */
export const CACHE_REVALIDATE = 'no-cache';

export function cacheControl(path: string): string {
  if (path === MANIFEST_FILE || path === SIGNATURE_FILE) return CACHE_REVALIDATE;
  return isHashedAsset(path) ? CACHE_IMMUTABLE : CACHE_SHORT;
}

// Where the common table is wrong for a static site: a signature and public key should read as text in a
// browser, and Pagefind's index files are binary.
const TYPE_OVERRIDES: Record<string, string> = {
  pem: 'text/plain; charset=utf-8',
  sig: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

export function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return TYPE_OVERRIDES[ext] ?? (mimeContentType(path.slice(path.lastIndexOf('/') + 1)) || 'application/octet-stream');
}

/**
 * The files read back after publishing: the uploaded ones (all of them when few, evenly spread otherwise) and some
 * that were left as they were, so a remote copy that drifted from its manifest is noticed too.
 */
export function checkSample(plan: Pick<PublishPlan, 'upload' | 'unchanged'>, size = 24): ManifestFile[] {
  const spread = (list: readonly ManifestFile[], n: number) => {
    if (list.length <= n) return [...list];
    const step = list.length / n;
    return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)]!);
  };
  const fromUploaded = spread(plan.upload, Math.max(size - Math.min(plan.unchanged.length, size / 3), 1));
  return [...fromUploaded, ...spread(plan.unchanged, size - fromUploaded.length)];
}
