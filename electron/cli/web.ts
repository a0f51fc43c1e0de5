#!/usr/bin/env node
// `npm run web`: the whole app in a browser. The core runs in its host on a worker thread (the same host the desktop
// app runs in a utility process); this process only serves HTTP on 127.0.0.1. It prints a one-time sign-in link:
// opening it signs that browser in (an HttpOnly cookie), and every tab then has its own session and workspace. The
// e2e tests drive the app through this.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { startHttpServer } from '../core/http.ts';
import { startCoreWorker } from '../core/host-client.ts';

const Flags = z.object({
  port: z.string().regex(/^\d+$/, '--port expects a number').transform(Number).pipe(z.number().int().min(0).max(65535)).default(0),
  'preview-port': z.string().regex(/^\d+$/, '--preview-port expects a number').transform(Number).pipe(z.number().int().min(0).max(65535)).default(0),
  workspace: z.string().optional(),
  static: z.string().optional(),
});

const USAGE = `Usage: npm run web -- [--port <n>] [--preview-port <n>] [--workspace <folder>] [--static <dir>]

Starts Candor's core on 127.0.0.1 and serves the app to a browser. Prints a one-time sign-in link: open it in
the browser you will use (it works once; restart for a new one). Each tab then has its own open workspace.
  --port <n>            port to listen on (default: any free port)
  --preview-port <n>    port of the site preview, a separate origin (default: any free port)
  --workspace <folder>  every new tab starts with this workspace open
  --static <dir>        the built renderer (default: dist/renderer; build it with npm run build)
Environment: CANDOR_WEB_LOGIN_KEY sets the sign-in link's key (for test harnesses that open the link themselves).`;

export async function main(argv: string[]): Promise<number> {
  let flags: z.output<typeof Flags>;
  try {
    const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, 'preview-port': { type: 'string' }, workspace: { type: 'string' }, static: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    flags = Flags.parse(values);
  } catch (err) {
    const message = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message;
    process.stderr.write(`candor web: ${message}\n${USAGE}\n`);
    return 2;
  }
  const staticDir = flags.static ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  if (!existsSync(`${staticDir}/index.html`)) {
    process.stderr.write(`candor web: ${staticDir} has no built app. Run "npm run build" first (npm run web does this for you).\n`);
    return 1;
  }
  if (flags.workspace) {
    // Checked once here, so a wrong folder stops the start instead of failing in every tab.
    const check = startCoreWorker();
    const opened = await check.call('start', 'workspace.open', { dir: flags.workspace });
    await check.shutdown();
    if (!opened.result.ok) {
      process.stderr.write(`candor web: ${opened.result.error.message}\n`);
      return 1;
    }
  }
  const host = startCoreWorker(flags.workspace ? { startWorkspace: flags.workspace } : {});
  await host.ready;
  const server = await startHttpServer({
    host,
    port: flags.port,
    previewPort: flags['preview-port'],
    staticDir,
    ...(process.env.CANDOR_WEB_LOGIN_KEY ? { loginKey: process.env.CANDOR_WEB_LOGIN_KEY } : {}),
  });
  process.stdout.write(`Candor is running at ${server.url}/\nSign in: open ${server.loginUrl} in a browser on this computer (once; it signs that browser in).\nPreviews are served from ${server.previewUrl}/. Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Orderly shutdown: stop taking calls, then close every tab's database so the WAL is checkpointed.
  await server.close();
  await host.shutdown();
  return 0;
}

const isEntry = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntry || process.argv[1]?.endsWith('web.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
