import { z } from 'zod';
import { CandorError } from '../../core/errors.ts';
import { MESSAGE_ROLES, THREAD_KINDS, THREAD_STATUSES } from '../../shared/model/thread.ts';
import { correctMessageRole, correctThread } from '../../core/store/corrections.ts';
import { getThread } from '../../core/store/threads.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

// Curators' corrections from the command line: `candor thread show|set` and `candor message set`. Every change is
// in the audit log, and a later re-import keeps it.

export const threadCommand = defineCommand({
  name: 'thread',
  summary: "Show one thread, or correct its kind and status",
  usage: 'candor thread show <workspace> <thread-id> [--json] | candor thread set <workspace> <thread-id> [--kind <kind>] [--status <status>] [--json]',
  help: `show prints the thread with each message's id, role and visibility (the ids candor message set takes).
set corrects what the import decided; the change is audited and a later re-import does not undo it.

Options:
  --kind <kind>        ${THREAD_KINDS.join(' | ')}
  --status <status>    ${THREAD_STATUSES.join(' | ')} (resolved sets the resolution time to the last activity when there was none)
  --json               show: the thread as JSON; set: {"thread","changed","kind","status","resolvedAt"}

Exit codes: 0 done; 1 no such thread or workspace; 2 usage.`,
  options: { kind: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.tuple([z.enum(['show', 'set']), z.string(), z.string()], { error: 'say show or set, then the workspace and the thread id' }),
    values: z.object({ kind: z.enum(THREAD_KINDS).optional(), status: z.enum(THREAD_STATUSES).optional(), json: z.boolean().optional() }),
  }).superRefine((a, ctx) => {
    if (a.positionals[0] === 'set' && !a.values.kind && !a.values.status) ctx.addIssue({ code: 'custom', message: 'set needs --kind, --status, or both' });
  }),
  async run({ positionals: [verb, dir, id], values }, io) {
    const ws = openWorkspace(dir);
    try {
      if (verb === 'set') {
        const r = correctThread(ws.db, id, { kind: values.kind, status: values.status }, { actor: ws.actor });
        io.out(values.json ? `${JSON.stringify(r)}\n` : `${r.thread}: ${r.changed ? 'now' : 'already'} ${r.kind}, ${r.status}\n`);
        return EXIT.ok;
      }
      const t = getThread(ws.db, id);
      if (!t) throw new CandorError('NOT_FOUND', `No thread "${id}" in this workspace (use the id shown by candor threads).`);
      if (values.json) {
        io.out(`${JSON.stringify({ ...t, privateData: undefined })}\n`);
        return EXIT.ok;
      }
      io.out(`${t.id}  ${t.source}:${t.externalId}  ${t.kind}${t.kindInferred ? ' (inferred)' : ''}, ${t.status}  ${t.subject ?? ''}\n`);
      t.messages.forEach((m, i) => {
        io.out(`  #${i + 1} ${m.id}  ${m.sentAt}  ${m.role.padEnd(8)} ${m.visibility.padEnd(8)} ${m.body.replace(/\s+/g, ' ').slice(0, 70)}\n`);
      });
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});

export const messageCommand = defineCommand({
  name: 'message',
  summary: "Correct who wrote a message",
  usage: 'candor message set <workspace> <message-id | thread-id#n> --role customer|staff|system [--json]',
  help: `Sets a message's author role (the ids are printed by candor thread show; <thread-id>#2 is the thread's second
message). The thread's response times and, when it was inferred, its kind follow. The change is audited and a
later re-import (new staff addresses included) does not undo it.

Options:
  --role <role>   ${MESSAGE_ROLES.join(' | ')}
  --json          Print {"message","thread","changed","role","threadKind"}

Exit codes: 0 done; 1 no such message or workspace; 2 usage.`,
  options: { role: { type: 'string' }, json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.tuple([z.literal('set'), z.string(), z.string()], { error: 'say set, then the workspace and the message id' }),
    values: z.object({ role: z.enum(MESSAGE_ROLES, { error: `--role must be one of ${MESSAGE_ROLES.join(', ')}` }), json: z.boolean().optional() }),
  }),
  async run({ positionals: [, dir, id], values }, io) {
    const ws = openWorkspace(dir);
    try {
      const r = correctMessageRole(ws.db, id, { role: values.role }, { actor: ws.actor });
      io.out(values.json ? `${JSON.stringify(r)}\n` : `${r.message} (thread ${r.thread}): ${r.changed ? 'now' : 'already'} ${r.role}; the thread is ${r.threadKind}\n`);
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
