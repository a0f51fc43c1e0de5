import { z } from 'zod';
import { serveSite } from '../../core/site/serve.ts';
import { defineCommand, EXIT, intFlag } from '../command.ts';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Preview a built site on this computer',
  usage: 'candor serve <site-dir> [--port <n>]',
  help: `Serves a built site on http://127.0.0.1 (only this computer can reach it) until you press Ctrl+C.

Options:
  --port <n>   Port to listen on (default: 8080; 0 picks a free one)

Exit codes: 0 stopped; 1 could not serve (for example the port is in use); 2 usage.`,
  options: { port: { type: 'string' } },
  schema: z.object({
    positionals: z.tuple([z.string().min(1)], { error: 'name exactly one site folder' }),
    values: z.object({ port: intFlag(0, 65535).optional() }),
  }),
  async run({ positionals: [dir], values }, io) {
    const server = await serveSite(dir, { port: values.port ?? 8080 });
    io.out(`Serving ${dir} at ${server.url}\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.ok;
  },
});
