import { z } from 'zod';
import { threadRedactions } from '../../core/curation/findings.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

function clip(text: string, n = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

export const redactionsCommand = defineCommand({
  name: 'redactions',
  summary: 'Show the personal data found in a thread and what publishing removes',
  usage: 'candor redactions <workspace> <thread-id> [--json]',
  help: `Lists each personal-data finding in the thread's subject, public messages, tags, staff display names and
attachment names (internal notes are never published, so never scanned), with its id, kind, confidence, place
and status, and the manual redactions.

Personal data fails closed: when the thread is published every finding is removed unless a curator kept it (a
high-confidence one only with a reason). Low confidence means "check this one first". Change them with
candor redact.

Options:
  --json   Print {"threadId","findings":[{"id","kind","start","end","text","confidence","location","status",
           "reason","redacted"}],"manual":[{"id","location","start","end","text","note","actor","createdAt"}],
           "places":[{"location","role","sentAt","length"}],"summary":{"total","pending","pendingHigh","redacted"}}

Exit codes: 0 listed; 1 no such thread or workspace; 2 usage.`,
  options: { json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.tuple([z.string(), z.string()], { error: 'name the workspace and one thread id' }),
    values: z.object({ json: z.boolean().optional() }),
  }),
  async run({ positionals: [dir, ref], values }, io) {
    const ws = openWorkspace(dir);
    try {
      const r = threadRedactions(ws.db, ref);
      if (values.json) {
        io.out(`${JSON.stringify(r)}\n`);
        return EXIT.ok;
      }
      const s = r.summary;
      io.out(`${r.threadId}: ${s.total} finding${s.total === 1 ? '' : 's'}, ${s.pending} awaiting review (${s.pendingHigh} high confidence), ${s.redacted} removed when published\n`);
      for (const f of r.findings) {
        const action = f.redacted ? 'removed' : 'kept';
        const why = f.reason ? ` (${clip(f.reason, 40)})` : '';
        io.out(`  ${f.id}  ${f.kind.padEnd(8)} ${f.confidence.padEnd(4)} ${f.status.padEnd(8)} ${action.padEnd(7)} ${f.location}:${f.start}-${f.end}  ${JSON.stringify(clip(f.text))}${why}\n`);
      }
      for (const m of r.manual) io.out(`  ${m.id}  manual   —    —        removed ${m.location}:${m.start}-${m.end}  ${JSON.stringify(clip(m.text))}${m.note ? ` (${clip(m.note, 40)})` : ''}\n`);
      io.out('Places for --span <place>:<start>-<end>:\n');
      for (const p of r.places) io.out(`  ${p.location}  ${p.role ?? ''}${p.sentAt ? ` ${p.sentAt}` : ''}  ${p.length} characters\n`);
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
