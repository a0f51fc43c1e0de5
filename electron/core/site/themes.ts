import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CandorError } from '../errors.ts';
import { filesIn } from './files-in.ts';

// Site themes: folders under static-templates/ with a theme.json, looked up after the workspace's own overrides
// (<ws>/templates/) and before the files every theme shares (static-templates/shared/).

/** Where the bundled themes live (static-templates/ at the root of the project or the packaged app). */
export const THEMES_DIR = fileURLToPath(new URL('../../../static-templates', import.meta.url));
/** A workspace may override any theme file by putting a file with the same path here. */
const WORKSPACE_TEMPLATES_DIR = 'templates';
const THEME_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;
/** Files shared by all themes, looked up after the theme's own (it has no theme.json, so it is not a theme). */
const SHARED_THEME_DIR = 'shared';

export const ThemeInfo = z.object({ name: z.string(), label: z.string(), description: z.string() });
export type ThemeInfo = z.infer<typeof ThemeInfo>;

export function listThemes(): ThemeInfo[] {
  if (!existsSync(THEMES_DIR)) return [];
  return readdirSync(THEMES_DIR)
    .filter((name) => THEME_NAME.test(name) && existsSync(join(THEMES_DIR, name, 'theme.json')))
    .sort()
    .map((name) => {
      const raw = JSON.parse(readFileSync(join(THEMES_DIR, name, 'theme.json'), 'utf8')) as unknown;
      const parsed = ThemeInfo.omit({ name: true }).safeParse(raw);
      return parsed.success ? { name, ...parsed.data } : { name, label: name, description: '' };
    });
}

/** The folders templates are looked up in, first match wins: the workspace's overrides, the theme, the shared files. */
export function templateRoots(theme: string, workspaceDir: string | null): string[] {
  if (!THEME_NAME.test(theme) || !existsSync(join(THEMES_DIR, theme, 'theme.json'))) {
    const known = listThemes().map((t) => t.name).join(', ');
    throw new CandorError('UNKNOWN_THEME', `There is no theme "${theme}". Candor has: ${known}.`);
  }
  const roots: string[] = [];
  if (workspaceDir) {
    const own = join(resolve(workspaceDir), WORKSPACE_TEMPLATES_DIR);
    if (existsSync(own) && statSync(own).isDirectory()) roots.push(own);
  }
  roots.push(join(THEMES_DIR, theme));
  // What every theme uses the same (the search page's script): one copy, which a theme or workspace may override.
  const shared = join(THEMES_DIR, SHARED_THEME_DIR);
  if (existsSync(shared)) roots.push(shared);
  return roots;
}

/** The files under `root`, leaving out anything under a name that starts with a dot. */
function themeFilesUnder(root: string): string[] {
  return filesIn(root).filter((rel) => !rel.split('/').some((part) => part.startsWith('.')) && lstatSync(join(root, rel)).isFile());
}

/** Every file the theme provides after overrides: relative path -> absolute file, sorted by path. */
export function themeFiles(roots: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const root of [...roots].reverse()) for (const rel of themeFilesUnder(root)) files.set(rel, join(root, rel));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Changes whenever any template, asset or override changes: part of every page's input hash. */
export function themeFingerprint(roots: readonly string[]): string {
  const h = createHash('sha256');
  for (const [rel, file] of themeFiles(roots)) {
    h.update(rel);
    h.update('\u0000');
    h.update(readFileSync(file));
    h.update('\u0000');
  }
  return h.digest('hex');
}
