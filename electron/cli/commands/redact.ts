import { z } from 'zod';
import { addManualRedaction, reviewFinding } from '../../core/curation/findings.ts';
import type { FindingView, ManualRedaction } from '../../shared/curation/model.ts';
import { transaction } from '../../core/db/transaction.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

const SPAN = /^(.+):(\d+)-(\d+)$/;

export function parseSpan(value: string): { location: string; start: number; end: number } {
  const m = SPAN.exec(value.trim());
  if (!m) throw new Error(`"${value}" is not <message-id>:<start>-<end>`);
  return { location: m[1]!, start: Number(m[2]), end: Number(m[3]) };
}

const spanFlag = z.string().refine((v) => SPAN.test(v.trim()), 'expected <message-id>:<start>-<end> (or subject:<start>-<end>)');

export const redactCommand = defineCommand({
  name: 'redact',
  summary: 'Accept or reject personal-data findings, or redact a span by hand',
  usage: 'candor redact <workspace> <thread-id> (--accept <finding-id> | --reject <finding-id> [--reason <text>] | --span <message-id>:<start>-<end> [--note <text>])... [--json]',
  help: `Records a curator's decision on the thread's personal data. The stored text is never changed: what is
decided here is applied when the thread is published. Every change is in the audit log.

Options (each may be repeated; all are applied together or not at all):
  --accept <finding-id>   Remove this finding when published
  --reject <finding-id>   Publish it as written (personal data fails closed: without this, every finding is
                          removed). A high-confidence finding is only kept with --reason
  --reason <text>         Why a finding is kept
  --span <message-id>:<start>-<end>
                          Remove characters start..end (JavaScript string offsets, end exclusive) of a public
                          message; "subject:<start>-<end>" for the subject. The places and their
                          lengths are listed by candor redactions
  --note <text>           A note for manual redactions
  --json                  Print {"findings":[...],"manual":[...]} for what changed

Exit codes: 0 recorded; 1 no such thread, finding or message; 2 usage (for example keeping without a reason).`,
  options: {
    accept: { type: 'string', multiple: true }, reject: { type: 'string', multiple: true }, reason: { type: 'string' },
    span: { type: 'string', multiple: true }, note: { type: 'string' }, json: { type: 'boolean' },
  },
  schema: z.object({
    positionals: z.tuple([z.string(), z.string()], { error: 'name the workspace and one thread id' }),
    values: z.object({
      accept: z.array(z.string().min(1)).optional(),
      reject: z.array(z.string().min(1)).optional(),
      reason: z.string().optional(),
      span: z.array(spanFlag).optional(),
      note: z.string().optional(),
      json: z.boolean().optional(),
    }),
  }).refine((a) => (a.values.accept?.length ?? 0) + (a.values.reject?.length ?? 0) + (a.values.span?.length ?? 0) > 0, 'give at least one --accept, --reject or --span'),
  async run({ positionals: [dir, ref], values }, io) {
    const ws = openWorkspace(dir);
    try {
      const who = { actor: ws.actor };
      const { findings, manual } = transaction(ws.db, () => {
        const findings: FindingView[] = [];
        const manual: ManualRedaction[] = [];
        for (const id of values.accept ?? []) findings.push(reviewFinding(ws.db, who, ref, id, 'accept'));
        for (const id of values.reject ?? []) findings.push(reviewFinding(ws.db, who, ref, id, 'reject', values.reason));
        for (const s of values.span ?? []) {
          const { location, start, end } = parseSpan(s);
          manual.push(addManualRedaction(ws.db, who, ref, location, start, end, values.note));
        }
        return { findings, manual };
      });
      if (values.json) {
        io.out(`${JSON.stringify({ findings, manual })}\n`);
        return EXIT.ok;
      }
      for (const f of findings) io.out(`${f.id} ${f.kind} ${JSON.stringify(f.text)}: ${f.status}, ${f.redacted ? 'removed' : 'kept'} when published\n`);
      for (const m of manual) io.out(`${m.id} ${m.location}:${m.start}-${m.end} ${JSON.stringify(m.text)}: removed when published\n`);
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
