import { z } from 'zod';
import { initWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Create a workspace folder for an organisation',
  usage: 'candor init <workspace> --name "<organisation>"',
  help: `Creates <workspace> (a new or empty folder) holding candor.sqlite, evidence/ and workspace.json.

Options:
  --name <organisation>   The organisation's name, shown on the public site (required)`,
  options: { name: { type: 'string' } },
  schema: z.object({
    positionals: z.tuple([z.string().min(1)], { error: 'name exactly one workspace folder' }),
    values: z.object({ name: z.string({ error: 'give the organisation\'s name with --name "Acme Ltd"' }).trim().min(1, 'the organisation name must not be empty') }),
  }),
  async run({ positionals: [dir], values }, io) {
    const ws = initWorkspace(dir, { name: values.name });
    io.out(`Created workspace "${ws.meta.name}" in ${ws.dir}\n`);
    ws.close();
    return EXIT.ok;
  },
});
