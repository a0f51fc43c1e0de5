import { z } from 'zod';
import { eraseCustomer } from '../../core/curation/erase.ts';
import type { EraseTarget } from '../../shared/curation/model.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

export const eraseCommand = defineCommand({
  name: 'erase',
  summary: 'Erase a customer who asked to be forgotten (GDPR Art. 17)',
  usage: 'candor erase <workspace> (<thread-id>... | --customer <email-or-name>) [--dry-run] [--json]',
  help: `Removes the customer's threads from the workspace for good: messages, metadata (name, e-mail, location),
personal-data findings, reviews, decisions, tags and every audit entry about them. The workspace keeps only a
salted hash of each erased source record, so a re-import of the same export does not bring them back, and one
audit entry that an erasure happened (when, who, how many records; never what). The site cache is deleted; the
next candor build removes the threads from the site, its data files, feeds, sitemap and search index.

There is no undo. Use --dry-run first to see how much would go.

Arguments:
  <thread-id>...             Threads to erase (Candor ids, or source:external-id)
  --customer <email-or-name> Every thread whose customer has this e-mail address or name (any case or accents)

Options:
  --dry-run  Count what would be erased; change nothing
  --json     Print {"erasureId","at","threads","messages","findings","records","dryRun"}

Exit codes: 0 erased (or counted); 1 no such thread, customer or workspace (nothing erased); 2 usage.`,
  options: { customer: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.array(z.string()).min(1, 'name the workspace'),
    values: z.object({ customer: z.string().trim().min(1, 'give the e-mail address or name after --customer').optional(), 'dry-run': z.boolean().optional(), json: z.boolean().optional() }),
  }).refine((a) => (a.positionals.length > 1) !== (a.values.customer !== undefined), 'give either thread ids or --customer <email-or-name>, not both and not neither'),
  async run({ positionals: [dir, ...threadIds], values }, io) {
    const target: EraseTarget = values.customer !== undefined ? { customer: values.customer } : { threadIds };
    const ws = openWorkspace(dir!);
    try {
      const r = eraseCustomer(ws, target, { dryRun: values['dry-run'] });
      if (values.json) io.out(`${JSON.stringify(r)}\n`);
      else if (r.dryRun) io.out(`Would erase ${r.threads} thread${r.threads === 1 ? '' : 's'} (${r.messages} messages, ${r.findings} personal-data findings, ${r.records} records). Nothing was changed.\n`);
      else io.out(`Erased ${r.threads} thread${r.threads === 1 ? '' : 's'} (${r.messages} messages, ${r.findings} personal-data findings, ${r.records} records) as ${r.erasureId}. Build the site again to remove them from it.\n`);
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
