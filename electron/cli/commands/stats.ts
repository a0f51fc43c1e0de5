import { z } from 'zod';
import { formatDuration } from '../../shared/curation/stats.ts';
import type { Metrics } from '../../shared/curation/stats.ts';
import { workspaceStats } from '../../core/curation/workspace-stats.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

function pct(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}

function metricLine(m: Metrics): string {
  return `response rate ${pct(m.responseRate)} (${m.responded}/${m.awaitingReply}), median first reply ${formatDuration(m.medianFirstReplySeconds)}, resolved ${pct(m.shareResolved)} (${m.resolved}/${m.threads}), median resolution ${formatDuration(m.medianResolutionSeconds)}`;
}

function counts(c: Record<string, number>, label: (k: string) => string = (k) => k): string {
  return Object.entries(c).map(([k, v]) => `${label(k)} ${v}`).join(', ');
}

const stars = (k: string) => (k === 'none' ? 'unrated' : `${k}★`);

export const statsCommand = defineCommand({
  name: 'stats',
  summary: 'Statistics computed over all imported threads, and the moderation report',
  usage: 'candor stats <workspace> [--json]',
  help: `Computes, from the data, over every imported thread (published, withheld and pending alike): counts by kind,
status, rating and source; response rate (threads where the customer wrote that got a public staff reply);
median time to the first staff reply; median time to resolution; share resolved — overall, for complaints, and
by month (YYYY-MM, by opening date, UTC). The moderation report: imported, published, withheld by reason,
pending.

Options:
  --json   Print {"scope":"all-imported-threads","note","dataUpTo","overall":{...},"byMonth":[{"month",...}]}
           where each period has byKind, byStatus, byRating, bySource, all, complaints and moderation.

Exit codes: 0 printed; 1 not a workspace; 2 usage.`,
  options: { json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.tuple([z.string()], { error: 'name exactly one workspace' }),
    values: z.object({ json: z.boolean().optional() }),
  }),
  async run({ positionals: [dir], values }, io) {
    const ws = openWorkspace(dir);
    try {
      const s = workspaceStats(ws.db);
      if (values.json) {
        io.out(`${JSON.stringify(s)}\n`);
        return EXIT.ok;
      }
      const o = s.overall;
      const mod = o.moderation;
      io.out(`${s.note}\n\n`);
      io.out(`Kinds:    ${counts(o.byKind)}\nStatus:   ${counts(o.byStatus)}\nRatings:  ${counts(o.byRating, stars)}\nSources:  ${counts(o.bySource)}\n`);
      io.out(`All:        ${metricLine(o.all)}\nComplaints: ${metricLine(o.complaints)}\n\n`);
      io.out(`Moderation: ${mod.imported} imported, ${mod.published} published, ${mod.withheld} withheld, ${mod.pending} pending\n`);
      const reasons = Object.entries(mod.withheldByReason).filter(([, n]) => n > 0);
      if (reasons.length) io.out(`  withheld by reason: ${reasons.map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
      if (s.byMonth.length) {
        io.out('\nBy month (opened):\n  month    threads complaints published withheld pending response  first reply  resolved\n');
        for (const m of s.byMonth) {
          io.out(`  ${m.month.padEnd(8)} ${String(m.all.threads).padStart(7)} ${String(m.byKind.complaint ?? 0).padStart(10)} ${String(m.moderation.published).padStart(9)} ${String(m.moderation.withheld).padStart(8)} ${String(m.moderation.pending).padStart(7)} ${pct(m.all.responseRate).padStart(8)}  ${formatDuration(m.all.medianFirstReplySeconds).padStart(11)}  ${pct(m.all.shareResolved).padStart(8)}\n`);
        }
      }
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
