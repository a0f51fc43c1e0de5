import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_PUBLIC_KEY } from '../keys.ts';
import { themeFiles } from '../themes.ts';
import type { Phase } from './context.ts';

// The assets phase: the theme's assets (after the workspace's overrides), the organisation's colours and logo, the
// claims' evidence files (under their hash) and the public signing key.

export const assets: Phase = {
  name: 'assets',
  timing: 'data',
  run(ctx) {
    const { settings, writer, files } = ctx;
    for (const [rel, file] of themeFiles(settings.roots)) if (rel.startsWith('assets/')) files.push(writer.write(rel, readFileSync(file)));
    for (const f of settings.branding.files) files.push(writer.write(f.path, f.content));
    for (const [sha, path] of ctx.evidence) {
      const src = join(ctx.ws.dir, 'evidence', sha);
      if (existsSync(src) && statSync(src).isFile()) files.push(writer.copy(path, src, sha));
      else ctx.warnings.push(`Evidence file ${sha} is missing from the workspace; its claim lists it without a download.`);
    }
    if (settings.signing) files.push(writer.write(SITE_PUBLIC_KEY, settings.signing.publicKeyPem));
  },
};
