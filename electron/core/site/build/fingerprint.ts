import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// What a rebuild may trust from the previous build depends on the code that made it. The code's fingerprint covers
// the sources of the code that decides what the site says (the builder, curation, the claims register, the model and
// the wire schemas and pure rules in electron/shared, statistics among them)
// and the lockfile (the Liquid, Markdown and CSV libraries those sources use). It is computed when the app is bundled
// (vite.config.ts writes it to dist/main/build-fingerprint.json: the packaged app ships no sources to hash) and read
// at run time; run from the sources (the CLI, tests), the same function hashes them directly. When neither is
// possible the builder has no fingerprint, and builds clean. No imports from the rest of Candor: vite.config.ts
// runs this file while bundling.

/** The code that decides what the site says: a change there re-renders everything; importers and the app do not. */
export const OUTPUT_CODE = ['core/site', 'core/curation', 'core/claims', 'core/model', 'shared'];
export const FINGERPRINT_FILE = 'build-fingerprint.json';

/** SHA-256 over the output code's sources and the lockfile under `repoRoot`; null when there are none to hash. */
export function sourceFingerprint(repoRoot: string): string | null {
  const core = join(repoRoot, 'electron');
  const lockfile = join(repoRoot, 'package-lock.json');
  if (!existsSync(core) || !existsSync(lockfile)) return null;
  const h = createHash('sha256').update('candor-output-code\u0000');
  let files = 0;
  for (const part of OUTPUT_CODE) {
    let entries;
    try {
      entries = readdirSync(join(core, part), { recursive: true, withFileTypes: true });
    } catch {
      return null;
    }
    const names = entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => relative(core, join(e.parentPath, e.name)).split(sep).join('/')).sort();
    for (const rel of names) {
      h.update(`${rel}\u0000`).update(readFileSync(join(core, rel))).update('\u0000');
      files++;
    }
  }
  if (files === 0) return null;
  h.update('package-lock.json\u0000').update(readFileSync(lockfile));
  return h.digest('hex');
}

let cached: { value: string | null } | null = null;

/**
 * The output code's fingerprint: the one written at bundle time beside the bundled code, else the one of the sources
 * this module runs from, else null (the caller builds clean).
 */
export function codeFingerprint(): string | null {
  if (cached) return cached.value;
  let value: string | null = null;
  // Not "./build-fingerprint.json": vite.config.ts re-points such references to the sources; this one must stay
  // beside the module that runs (dist/main in the app).
  const bundled = fileURLToPath(new URL(FINGERPRINT_FILE, import.meta.url));
  try {
    const parsed = JSON.parse(readFileSync(bundled, 'utf8')) as { fingerprint?: unknown };
    if (typeof parsed.fingerprint === 'string' && /^[0-9a-f]{64}$/.test(parsed.fingerprint)) value = parsed.fingerprint;
  } catch {
    value = null;
  }
  value ??= sourceFingerprint(fileURLToPath(new URL('../../../../', import.meta.url)));
  cached = { value };
  return value;
}
