import { z } from 'zod';
import { WITHHOLD_REASONS } from '../../shared/model/thread.ts';
import { decideCurated } from '../../core/curation/decisions.ts';
import type { CurationTarget } from '../../core/curation/decisions.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';
import { PUBLISH_GUARDS } from '../../core/publish-guards.ts';

export const decideCommand = defineCommand({
  name: 'decide',
  summary: 'Publish or withhold threads, recording why',
  usage: 'candor decide <workspace> (<thread-id>... | --all | --query <text>) publish|withhold|pending [--reason <code>] [--note <text>]',
  help: `Records a publication decision for the named threads, all threads, or every thread matching a search.
Withholding needs a reason code: ${WITHHOLD_REASONS.join(', ')}. Every decision is kept in the audit log.

Options:
  --all              Every thread in the workspace
  --query <text>     Every thread matching this full-text search
  --reason <code>    Why a thread is withheld (required with withhold)
  --note <text>      A note for the record
  --json             Print {"matched","changed","refused"}`,
  options: { all: { type: 'boolean' }, query: { type: 'string' }, reason: { type: 'string' }, note: { type: 'string' }, json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.array(z.string()).min(2, 'name the workspace and the decision (publish or withhold)'),
    values: z.object({
      all: z.boolean().optional(),
      query: z.string().optional(),
      reason: z.enum(WITHHOLD_REASONS).optional(),
      note: z.string().optional(),
      json: z.boolean().optional(),
    }),
  }).superRefine((a, ctx) => {
    const decision = a.positionals[a.positionals.length - 1];
    if (!['publish', 'withhold', 'pending'].includes(decision ?? '')) ctx.addIssue({ code: 'custom', message: 'the last argument must be publish, withhold or pending' });
    const ids = a.positionals.length - 2;
    const ways = (ids > 0 ? 1 : 0) + (a.values.all ? 1 : 0) + (a.values.query !== undefined ? 1 : 0);
    if (ways !== 1) ctx.addIssue({ code: 'custom', message: 'choose threads one way: thread ids, --all, or --query <text>' });
  }),
  async run({ positionals, values }, io) {
    const [dir, ...rest] = positionals;
    const decision = rest.pop() as 'publish' | 'withhold' | 'pending';
    const target: CurationTarget = values.all ? { query: {} } : values.query !== undefined ? { query: { query: values.query } } : { ids: rest };
    const ws = openWorkspace(dir!);
    try {
      const result = decideCurated(ws, target, { decision, reason: values.reason, note: values.note }, PUBLISH_GUARDS);
      if (values.json) io.out(`${JSON.stringify(result)}\n`);
      else {
        io.out(`${result.matched} thread${result.matched === 1 ? '' : 's'} matched; ${result.changed} now ${decision}.\n`);
        for (const r of result.refused) io.out(`  not published ${r.id}: ${r.reason}\n`);
        if (result.refused.some((r) => r.reason.includes('personal data'))) io.out(`Review personal data with: candor redactions ${dir} <thread-id>\n`);
      }
      return result.refused.length > 0 ? EXIT.partial : EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
