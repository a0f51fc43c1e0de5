#!/usr/bin/env node
// `npm run demo`: a demo workspace for a fictional company (Fernhill Outfitters), built into a site and served on
// this computer. The README's way to see the main job without the desktop app.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CandorError } from '../core/errors.ts';
import { buildSite } from '../core/site/build.ts';
import { createDemoWorkspace } from '../core/demo/create.ts';
import { serveSite } from '../core/site/serve.ts';
import { EXIT } from './command.ts';
import type { Io } from './command.ts';

const USAGE = 'npm run demo -- [--dir <workspace>] [--out <site>] [--theme <name>] [--port <n>] [--no-serve] [--json]';

const Flags = z.object({
  dir: z.string().optional(),
  out: z.string().optional(),
  theme: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  port: z.string().regex(/^\d+$/, '--port takes a number').transform(Number).pipe(z.number().int().min(0).max(65535)).optional(),
  'no-serve': z.boolean().optional(),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});

export async function demo(argv: string[], io: Io): Promise<number> {
  let flags: z.output<typeof Flags>;
  try {
    const { values } = parseArgs({
      args: argv, allowPositionals: false, strict: true,
      options: { dir: { type: 'string' }, out: { type: 'string' }, theme: { type: 'string' }, port: { type: 'string' }, 'no-serve': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    flags = Flags.parse(values);
  } catch (err) {
    io.err(`demo: ${err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message}\nUsage: ${USAGE}\n`);
    return EXIT.usage;
  }
  if (flags.help) {
    io.out(`Usage: ${USAGE}\n\nCreates a demo workspace (${'Fernhill Outfitters'}: sample conversations, curation, claims), builds its site and serves it on\nhttp://127.0.0.1. Running it again replaces the demo workspace. --no-serve stops after the build.\n`);
    return EXIT.ok;
  }
  const base = join(tmpdir(), 'candor-demo');
  const dir = resolve(flags.dir ?? join(base, 'workspace'));
  const out = resolve(flags.out ?? join(base, 'site'));
  try {
    const t0 = performance.now();
    const ws = await createDemoWorkspace(dir);
    const created = performance.now() - t0;
    const site = await buildSite({ workspace: dir, out, theme: flags.theme });
    await site.cleanup;
    if (flags.json) io.out(`${JSON.stringify({ workspace: dir, site: { out: site.out, pages: site.pages, threads: site.threads, withheld: site.withheld, claims: site.claims, bytes: site.bytes, ms: site.ms } })}\n`);
    else {
      io.out(`Demo workspace: ${dir}\n  ${ws.threads} conversations imported (${ws.published} published, ${ws.withheld} withheld, ${ws.pending} pending review), ${ws.claims} claims (${ws.publishedClaims} published) in ${(created / 1000).toFixed(1)} s\n`);
      io.out(`Site: ${site.out}\n  ${site.pages} pages, ${(site.bytes / 1_048_576).toFixed(1)} MB, built in ${(site.ms / 1000).toFixed(1)} s\n`);
    }
    if (flags['no-serve']) return EXIT.ok;
    const server = await serveSite(out, { port: flags.port ?? 8080 }).catch(async (err: unknown) => {
      if (err instanceof CandorError && err.code === 'PORT_IN_USE' && flags.port === undefined) return serveSite(out, { port: 0 });
      throw err;
    });
    io.out(`\nOpen ${server.url} in your browser. Press Ctrl+C to stop.\n`);
    await new Promise<void>((resolveStop) => {
      const stop = () => void server.close().then(resolveStop);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  } catch (err) {
    io.err(`demo: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.fatal;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  demo(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), interactive: Boolean(process.stderr.isTTY) }).then((code) => {
    process.exitCode = code;
  });
}
