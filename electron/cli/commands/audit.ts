import { z } from 'zod';
import { listAudit } from '../../core/store/audit.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT, intFlag } from '../command.ts';

export const auditCommand = defineCommand({
  name: 'audit',
  summary: 'Show the audit log of every change',
  usage: 'candor audit <workspace> [--entity <type>] [--id <id>] [--limit n] [--json]',
  help: `Prints the append-only audit log, oldest first: who changed what, when, before and after.

Options:
  --entity <type>   Only entries about this kind of thing (thread, claim, import, ...)
  --id <id>         Only entries about this thing
  --limit <n>       At most n entries
  --json            Print {"entries":[{"seq","at","actor","action","entityType","entityId","before","after"}]}`,
  options: { entity: { type: 'string' }, id: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.tuple([z.string()], { error: 'name exactly one workspace' }),
    values: z.object({ entity: z.string().optional(), id: z.string().optional(), limit: intFlag(1, 10_000_000).optional(), json: z.boolean().optional() }),
  }),
  async run({ positionals: [dir], values }, io) {
    const ws = openWorkspace(dir);
    try {
      const entries = listAudit(ws.db, { entityType: values.entity, entityId: values.id, limit: values.limit });
      if (values.json) {
        io.out(`${JSON.stringify({ entries })}\n`);
        return EXIT.ok;
      }
      for (const e of entries) {
        const change = e.before !== null || e.after !== null ? `  ${JSON.stringify(e.before)} -> ${JSON.stringify(e.after)}` : '';
        io.out(`${String(e.seq).padStart(6)}  ${e.at}  ${e.actor}  ${e.action}  ${e.entityType}:${e.entityId}${change.length > 240 ? `${change.slice(0, 237)}...` : change}\n`);
      }
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
