import { z } from 'zod';
import { DECISIONS, THREAD_KINDS, THREAD_STATUSES } from '../../shared/model/thread.ts';
import { searchCurated } from '../../core/curation/search.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT, intFlag } from '../command.ts';

export const threadsCommand = defineCommand({
  name: 'threads',
  summary: 'List and search threads',
  usage: 'candor threads <workspace> [--query <text>] [--kind k] [--status s] [--decision d] [--source s] [--tag t] [--rating n] [--from date] [--to date] [--topic t] [--unreviewed] [--sort date|rating|activity] [--limit n] [--offset n] [--json]',
  help: `Lists threads, newest first. --query searches subjects and public messages (full text).

Options:
  --query <text>       Full-text search
  --kind <kind>        ${THREAD_KINDS.join(' | ')}
  --status <status>    ${THREAD_STATUSES.join(' | ')}
  --decision <d>       ${DECISIONS.join(' | ')}
  --source <id>        Only threads from this source (zendesk, trustpilot, ...)
  --tag <tag>          Only threads with this tag or topic
  --topic <topic>      Only threads the workspace's topic rules put under this topic
  --unreviewed         Only threads with personal data no curator has reviewed yet
  --rating <1-5>       Only threads with this star rating
  --from, --to <date>  Opened within this range (YYYY-MM-DD)
  --sort <key>         date (default), rating or activity; --asc for oldest first
  --limit, --offset    Paging (default 50 from 0)
  --json               Print {"total", "threads": [...], "stillChecking"}

While another Candor (the app, or an import in another terminal) is still checking newly imported threads for
personal data, --unreviewed lists those threads too (they count as unreviewed until checked) and stderr says how
many are still being checked; "stillChecking" in --json is that number (0 when nothing is being checked). With nobody checking, the command finishes the check itself before answering.`,
  options: {
    query: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' }, decision: { type: 'string' }, source: { type: 'string' },
    tag: { type: 'string' }, topic: { type: 'string' }, unreviewed: { type: 'boolean' }, rating: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, sort: { type: 'string' },
    asc: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' }, json: { type: 'boolean' },
  },
  schema: z.object({
    positionals: z.tuple([z.string()], { error: 'name exactly one workspace' }),
    values: z.object({
      query: z.string().optional(),
      kind: z.enum(THREAD_KINDS).optional(),
      status: z.enum(THREAD_STATUSES).optional(),
      decision: z.enum(DECISIONS).optional(),
      source: z.string().optional(),
      tag: z.string().optional(),
      topic: z.string().optional(),
      unreviewed: z.boolean().optional(),
      rating: intFlag(1, 5).optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      sort: z.enum(['date', 'rating', 'activity']).optional(),
      asc: z.boolean().optional(),
      limit: intFlag(1, 100_000).optional(),
      offset: intFlag(0, Number.MAX_SAFE_INTEGER).optional(),
      json: z.boolean().optional(),
    }),
  }),
  async run({ positionals: [dir], values: v }, io) {
    const ws = openWorkspace(dir);
    try {
      const page = searchCurated(ws.db, {
        query: v.query, kind: v.kind, status: v.status, decision: v.decision, source: v.source, tag: v.tag, topic: v.topic, unreviewed: v.unreviewed, rating: v.rating,
        from: v.from, to: v.to, sort: v.sort, order: v.asc ? 'asc' : 'desc', limit: v.limit, offset: v.offset,
      });
      const checking = page.stillChecking ?? 0;
      if (checking > 0) io.err(`Still checking ${checking} conversation${checking === 1 ? '' : 's'} for personal data: until then they count as having unreviewed personal data.\n`);
      if (v.json) {
        io.out(`${JSON.stringify(page)}\n`);
        return EXIT.ok;
      }
      io.out(`${page.total} thread${page.total === 1 ? '' : 's'}\n`);
      for (const t of page.threads) {
        const rating = t.rating ? `${t.rating}★` : '  ';
        io.out(`${t.id}  ${t.openedAt.slice(0, 10)}  ${t.kind.padEnd(10)} ${rating.padEnd(3)} ${t.decision.padEnd(8)} ${t.source}:${t.externalId}  ${(t.subject ?? '').replace(/\s+/g, ' ').slice(0, 60)}\n`);
      }
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
