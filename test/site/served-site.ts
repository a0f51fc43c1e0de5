import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { buildSite } from '../../electron/core/site/build.ts';
import { serveSite } from '../../electron/core/site/serve.ts';
import type { SiteServer } from '../../electron/core/site/serve.ts';
import { CHROMIUM_ARGS } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// The browser tests' common start: the workspace's site built, served on loopback and opened in Debian's Chromium.
// Apart from helpers.ts so that tests without a browser do not load playwright.

export type ServedSite = { dir: string; server: SiteServer; browser: Browser; close: () => Promise<void> };

/** Builds `fx`'s site into `out`, serves it and starts Chromium; `close` ends the browser, the server and the workspace. */
export async function serveBuiltSite(fx: SiteWorkspace, out = join(fx.root, 'site')): Promise<ServedSite> {
  await (await buildSite({ workspace: fx.dir, out })).cleanup;
  return serveFolder(out, fx.cleanup);
}

/** Serves a folder of built sites and starts Chromium; `close` ends both, then calls `cleanup`. */
export async function serveFolder(dir: string, cleanup: () => void): Promise<ServedSite> {
  const server = await serveSite(dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    dir, server, browser,
    close: async () => {
      await browser.close();
      await server.close();
      cleanup();
    },
  };
}
