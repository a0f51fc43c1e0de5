import { z } from 'zod';
import { buildSite } from '../../core/site/build.ts';
import type { BuildProgress } from '../../core/site/build.ts';
import { SITE_LANGUAGES } from '../../core/site/i18n.ts';
import { listThemes } from '../../core/site/themes.ts';
import { defineCommand, EXIT } from '../command.ts';

function bar(write: (s: string) => void, enabled: boolean): { update: (p: BuildProgress) => void; done: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && p.phase !== 'done') return;
      last = now;
      const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
      const filled = Math.round(ratio * 30);
      write(`\r${p.phase.padEnd(9)} [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}   `);
      drawn = true;
    },
    done() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}

function megabytes(n: number): string {
  return `${(n / 1_048_576).toFixed(1)} MB`;
}

export const buildCommand = defineCommand({
  name: 'build',
  summary: 'Build the public transparency site',
  usage: 'candor build <workspace> --out <dir> [--theme <name>] [--lang <code>] [--base-url <url>] [--no-search] [--clean] [--workers <n>] [--allow-shrink] [--json]',
  help: `Builds the static site from the workspace: every published conversation, the statistics, the moderation
report, the claims, open data (JSON, CSV, JSON Schema), an Atom feed, a sitemap and manifest.json (signed when the
workspace has a signing key: candor keys init). The site is built beside <dir> and swapped in only when the whole
build succeeded. <dir> must be new, empty, or a site Candor built; anything else is refused and left as it was.
A rebuild into the same folder re-renders only what changed and gives the same bytes as a clean build.

Options:
  --out <dir>        Where the site goes (required)
  --theme <name>     ${listThemes().map((t) => t.name).join(' | ') || 'default'} (default: the workspace's saved theme, else default).
                     <workspace>/templates/ overrides any theme file.
  --lang <code>      The site's language: ${SITE_LANGUAGES.join(' | ')} (default: the workspace's saved language, else en).
  --base-url <url>   The address the site will have (https://...): canonical links, feed and sitemap (default: the
                     workspace's saved address; --base-url "" builds without one). Save both with candor site-settings.
  --no-search        Skip the search index (faster; the search page is left out)
  --clean            Ignore what the last build saved and render everything
  --workers <n>      Render threads to use (0: render in this one; default: one per core for big sites)
  --allow-shrink     Build even if more than half of the conversations the site publishes would disappear
  --json             Print {"out","pages","threads","withheld","claims","bytes","ms"}

Files of the previous site that no longer match its manifest are never reused: they are built again and named in a
note. A build killed while moving files into the site is finished by the next build.

Exit codes: 0 built; 1 the build failed (the previous site is untouched); 2 usage; 5 refused: more than half of the
published conversations would disappear (nothing changed; --allow-shrink builds anyway).`,
  options: {
    out: { type: 'string' },
    theme: { type: 'string' },
    lang: { type: 'string' },
    'base-url': { type: 'string' },
    'no-search': { type: 'boolean' },
    clean: { type: 'boolean' },
    workers: { type: 'string' },
    'allow-shrink': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  schema: z.object({
    positionals: z.tuple([z.string().min(1)], { error: 'name exactly one workspace' }),
    values: z.object({
      out: z.string({ error: 'say where the site goes with --out <dir>' }).min(1),
      lang: z.enum(SITE_LANGUAGES, { error: `the site's language is one of ${SITE_LANGUAGES.join(', ')}` }).optional(),
      theme: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a theme name is lowercase letters, digits and dashes').optional(),
      'base-url': z.string().optional(),
      'no-search': z.boolean().optional(),
      clean: z.boolean().optional(),
      workers: z.string().regex(/^\d{1,2}$/, '--workers takes a number of threads (0 to 99)').transform(Number).optional(),
      'allow-shrink': z.boolean().optional(),
      json: z.boolean().optional(),
    }),
  }),
  async run({ positionals: [dir], values }, io) {
    const progress = bar(io.err, io.interactive && !values.json);
    try {
      const r = await buildSite({
        workspace: dir,
        out: values.out,
        theme: values.theme,
        lang: values.lang,
        baseUrl: values['base-url'],
        search: !values['no-search'],
        clean: values.clean,
        workers: values.workers,
        allowShrink: values['allow-shrink'],
        onProgress: progress.update,
      });
      progress.done();
      if (r.repaired.length) {
        const shown = r.repaired.slice(0, 10).join(', ');
        io.err(`note: ${r.repaired.length} file${r.repaired.length === 1 ? '' : 's'} of the previous site did not match its manifest.json (changed, removed or added since the last build): ${shown}${r.repaired.length > 10 ? ', …' : ''}. Nothing was reused from them: they were built again from the workspace (or removed).\n`);
      }
      if (values.json) {
        io.out(`${JSON.stringify({ out: r.out, pages: r.pages, threads: r.threads, withheld: r.withheld, claims: r.claims, bytes: r.bytes, ms: r.ms })}\n`);
      } else {
        io.out(`Built ${r.out}: ${r.pages.toLocaleString('en')} pages, ${r.threads.toLocaleString('en')} published conversations (${r.withheld.toLocaleString('en')} withheld), ${r.claims} claims, ${megabytes(r.bytes)} in ${(r.ms / 1000).toFixed(1)} s${r.incremental ? ` (${r.rendered.toLocaleString('en')} pages re-rendered, ${r.reused.toLocaleString('en')} reused)` : ''}.\n`);
        io.out(r.signed ? 'manifest.json is signed (manifest.sig).\n' : 'manifest.json lists every file with its SHA-256 (not signed: run candor keys init to sign).\n');
        for (const w of r.warnings) io.err(`note: ${w}\n`);
      }
      await r.cleanup;
      return EXIT.ok;
    } finally {
      progress.done();
    }
  },
});
