#!/usr/bin/env node
// `npm run web`: the whole app in a browser. Starts the core on 127.0.0.1 with a random per-run token and serves
// the built renderer (the token is injected into its page). The e2e tests drive the app through this.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createCore } from '../core/index.ts';
import { startHttpServer } from '../core/http.ts';
import { previewTracker } from '../shared/preview.ts';

const Flags = z.object({
  port: z.string().regex(/^\d+$/, '--port expects a number').transform(Number).pipe(z.number().int().min(0).max(65535)).default(0),
  workspace: z.string().optional(),
  static: z.string().optional(),
});

const USAGE = `Usage: npm run web -- [--port <n>] [--workspace <folder>] [--static <dir>]

Starts Candor's core on 127.0.0.1 and serves the app to a browser. Prints the address to open.
  --port <n>            port to listen on (default: any free port)
  --workspace <folder>  open this workspace at start
  --static <dir>        the built renderer (default: dist/renderer; build it with npm run build)`;

export async function main(argv: string[]): Promise<number> {
  let flags: z.output<typeof Flags>;
  try {
    const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, workspace: { type: 'string' }, static: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
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
  const core = createCore();
  if (flags.workspace) {
    const opened = await core.dispatch('workspace.open', { dir: flags.workspace });
    if (!opened.ok) {
      process.stderr.write(`candor web: ${opened.error.message}\n`);
      core.close();
      return 1;
    }
  }
  const preview = previewTracker();
  const server = await startHttpServer({
    core: { ...core, dispatch: preview.wrap(core.dispatch) },
    port: flags.port,
    staticDir,
    previewDir: preview.dir,
  });
  process.stdout.write(`Candor is running at ${server.url}/\nOpen it in a browser on this computer. Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Orderly shutdown: stop taking calls, then close the database so the WAL is checkpointed.
  await server.close();
  core.close();
  return 0;
}

const isEntry = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntry || process.argv[1]?.endsWith('web.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
