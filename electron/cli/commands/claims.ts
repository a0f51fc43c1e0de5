import { z } from 'zod';
import { CandorError } from '../../core/errors.ts';
import { readClaimSettings, writeClaimSettings } from '../../core/claims/approval.ts';
import { claimHistory } from '../../core/claims/history.ts';
import { importClaims } from '../../core/claims/import.ts';
import { CLAIM_IMPORT_FORMATS } from '../../shared/claims/import-report.ts';
import { countBySeverity, LINT_DISCLAIMER, lintClaim, lintClaims, today } from '../../core/claims/lint.ts';
import { CLAIM_STATUSES, isIsoDate } from '../../shared/claims/model.ts';
import type { Finding } from '../../shared/claims/finding.ts';
import { getClaim, listClaims, transitionClaim } from '../../core/claims/store.ts';
import type { ClaimRecord } from '../../shared/claims/model.ts';
import { claimSummary } from '../../core/claims/summary.ts';
import { workspaceLanguage } from '../../core/claims/language.ts';
import type { DatabaseSync } from 'node:sqlite';
import type { ClaimHistory } from '../../shared/claims/views.ts';
import { openWorkspace } from '../../core/workspace.ts';
import type { Workspace } from '../../core/workspace.ts';
import { phaseBar } from '../progress.ts';
import { defineCommand, EXIT } from '../command.ts';
import type { Io } from '../command.ts';

const SUBCOMMANDS = ['import', 'list', 'lint', 'submit', 'approve', 'publish', 'retire', 'history', 'settings'] as const;
type Sub = (typeof SUBCOMMANDS)[number];

const AsOf = z.string().refine(isIsoDate, 'expected a review date as YYYY-MM-DD');

const Values = z.object({
  json: z.boolean().optional(),
  'as-of': AsOf.optional(),
  override: z.string().trim().min(1, 'give the reason for publishing over error-level findings').optional(),
  note: z.string().trim().min(1).optional(),
  reason: z.string().trim().min(1, 'give the reason for retiring the claim').max(2000).optional(),
  format: z.enum(CLAIM_IMPORT_FORMATS).optional(),
  'evidence-dir': z.string().min(1).optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
});

/** The positionals each subcommand takes after the workspace: [min, max] (max -1 = any number). */
const ARITY: Record<Sub, [number, number, string]> = {
  import: [1, -1, 'name at least one file to import'],
  list: [0, 0, 'list takes no further arguments'],
  lint: [0, -1, ''],
  submit: [1, -1, 'name at least one claim id'],
  approve: [1, -1, 'name at least one claim id'],
  publish: [1, -1, 'name at least one claim id'],
  retire: [1, -1, 'name at least one claim id'],
  history: [1, 1, 'name exactly one claim id'],
  settings: [0, 2, 'settings takes a setting and a value: second-approver on|off'],
};

/** Flags each subcommand accepts (a flag given to the wrong subcommand is a usage error, not ignored). */
const FLAGS: Record<Sub, readonly (keyof z.infer<typeof Values>)[]> = {
  import: ['json', 'format', 'evidence-dir'],
  list: ['json', 'as-of', 'status'],
  lint: ['json', 'as-of'],
  submit: ['note'],
  approve: ['note'],
  publish: ['override', 'as-of', 'note', 'json'],
  retire: ['note', 'reason'],
  history: ['json'],
  settings: ['json'],
};

const Args = z.object({ positionals: z.array(z.string()), values: Values }).transform((a, ctx) => {
  const [sub, dir, ...rest] = a.positionals;
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
    ctx.addIssue({ code: 'custom', message: `name a subcommand: ${SUBCOMMANDS.join(', ')}` });
    return z.NEVER;
  }
  const s = sub as Sub;
  if (!dir) {
    ctx.addIssue({ code: 'custom', message: `claims ${s}: name the workspace` });
    return z.NEVER;
  }
  const [min, max, msg] = ARITY[s];
  if (rest.length < min || (max >= 0 && rest.length > max)) {
    ctx.addIssue({ code: 'custom', message: `claims ${s}: ${msg}` });
    return z.NEVER;
  }
  const wrong = (Object.keys(a.values) as (keyof z.infer<typeof Values>)[]).filter((k) => a.values[k] !== undefined && !FLAGS[s].includes(k));
  if (wrong.length) {
    ctx.addIssue({ code: 'custom', message: `claims ${s} does not take ${wrong.map((w) => `--${w}`).join(', ')}` });
    return z.NEVER;
  }
  return { sub: s, dir, args: rest, ...a.values };
});
type Args = z.output<typeof Args>;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function findingJson(f: Finding) {
  return { claim: f.claim, rule: f.rule, severity: f.severity, citation: f.citation, message: f.message, fix: f.fix };
}

function printFindings(io: Io, findings: readonly Finding[], indent = '  '): void {
  for (const f of findings) {
    io.out(`${indent}${f.severity.padEnd(8)} ${f.rule}  ${f.message}\n`);
    io.out(`${indent}         Fix: ${f.fix}\n`);
    io.out(`${indent}         (${f.citation})\n`);
  }
}

function statusText(r: ClaimRecord): string {
  return `${r.status.replace('_', ' ')}${r.revision ? ` (revision ${r.revision})` : ''}`;
}

function runList(a: Args, io: Io, db: DatabaseSync, records: ClaimRecord[]): number {
  const asOf = a['as-of'] ?? today();
  const language = workspaceLanguage(db);
  const rows = records.map((r) => claimSummary(r, asOf, language));
  if (a.json) {
    io.out(`${JSON.stringify({ asOf, claims: rows })}\n`);
    return EXIT.ok;
  }
  io.out(`${plural(records.length, 'claim')} (findings as of ${asOf}: errors/warnings/info)\n`);
  for (const s of rows) {
    const f = `${s.findings.error}/${s.findings.warning}/${s.findings.info}`;
    const status = `${s.status.replace('_', ' ')}${s.revision ? ` (revision ${s.revision})` : ''}`;
    io.out(`${s.id.padEnd(12)} ${status.padEnd(24)} ${s.markets.join(',').padEnd(9)} ${f.padEnd(7)} ${(s.progress ? s.progress.status.replace('_', ' ') : '').padEnd(9)} ${s.title.slice(0, 60)}\n`);
  }
  return EXIT.ok;
}

function runLint(a: Args, io: Io, db: DatabaseSync, records: ClaimRecord[]): number {
  const asOf = a['as-of'] ?? today();
  const findings = lintClaims(records.map((r) => r.claim), { asOf, language: workspaceLanguage(db) });
  const counts = countBySeverity(findings);
  if (a.json) {
    io.out(`${JSON.stringify({ findings: findings.map(findingJson) })}\n`);
  } else {
    for (const r of records) {
      const mine = findings.filter((f) => f.claim === r.claim.id);
      if (mine.length === 0) continue;
      io.out(`${r.claim.id}  ${r.claim.title}  [${statusText(r)}; ${r.claim.markets.join(', ')}]\n`);
      printFindings(io, mine);
      io.out('\n');
    }
    io.out(`${plural(records.length, 'claim')} checked as of ${asOf}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info.\n`);
    io.out(`${LINT_DISCLAIMER}\n`);
  }
  return counts.error > 0 ? EXIT.lintErrors : EXIT.ok;
}

function runPublish(a: Args, io: Io, ws: ReturnType<typeof openWorkspace>): number {
  const asOf = a['as-of'] ?? today();
  let blocked = 0;
  let failed = 0;
  const results: unknown[] = [];
  let showedFindings = false;
  for (const id of a.args) {
    try {
      const t = transitionClaim(ws, id, 'published', { asOf, override: a.override, note: a.note });
      results.push({ claim: id, published: true, revision: t.record.revision, unchanged: t.unchanged, overridden: t.overridden.map((f) => f.rule) });
      if (a.json) continue;
      if (t.unchanged) io.out(`${id}: already published as revision ${t.record.revision}; nothing to do.\n`);
      else if (t.overridden.length) {
        io.out(`${id}: published as revision ${t.publishedRevision} over ${plural(t.overridden.length, 'error-level finding')} (${t.overridden.map((f) => f.rule).join(', ')}); the reason is recorded in the audit log.\n`);
      } else io.out(`${id}: published as revision ${t.publishedRevision}.\n`);
    } catch (err) {
      if (!(err instanceof CandorError)) throw err;
      if (err.code === 'LINT_BLOCKED') {
        blocked++;
        const errors = lintClaim(getClaim(ws.db, id).claim, { asOf, language: workspaceLanguage(ws.db) }).filter((f) => f.severity === 'error');
        results.push({ claim: id, published: false, blocked: true, findings: errors.map(findingJson) });
        if (!a.json) {
          io.out(`${id}: not published — ${plural(errors.length, 'error-level finding')} as of ${asOf}:\n`);
          printFindings(io, errors);
          io.out(`  Fix ${errors.length === 1 ? 'it' : 'them'}, or publish anyway with --override "<reason>" (the reason is recorded).\n`);
          showedFindings = true;
        }
      } else {
        failed++;
        results.push({ claim: id, published: false, error: { code: err.code, message: err.message } });
        if (!a.json) io.err(`candor claims publish: ${id}: ${err.message}\n`);
      }
    }
  }
  if (a.json) io.out(`${JSON.stringify({ asOf, results })}\n`);
  else if (showedFindings) io.out(`${LINT_DISCLAIMER}\n`);
  return failed > 0 ? EXIT.fatal : blocked > 0 ? EXIT.lintErrors : EXIT.ok;
}

function runStep(a: Args, io: Io, ws: ReturnType<typeof openWorkspace>, to: 'in_review' | 'approved' | 'retired'): number {
  let failed = 0;
  for (const id of a.args) {
    try {
      const t = transitionClaim(ws, id, to, { note: a.note, reason: a.reason });
      io.out(t.unchanged ? `${id}: already ${to.replace('_', ' ')}.\n` : `${id}: now ${statusText(t.record)}.\n`);
    } catch (err) {
      if (!(err instanceof CandorError)) throw err;
      failed++;
      io.err(`candor claims ${a.sub}: ${id}: ${err.message}\n`);
    }
  }
  return failed > 0 ? EXIT.fatal : EXIT.ok;
}

const ON_OFF: Record<string, boolean> = { on: true, yes: true, true: true, off: false, no: false, false: false };

function runSettings(a: Args, io: Io, ws: ReturnType<typeof openWorkspace>): number {
  let settings = readClaimSettings(ws.db);
  if (a.args.length > 0) {
    const [name, value] = a.args;
    if (name !== 'second-approver' || value === undefined || !(value.toLowerCase() in ON_OFF)) {
      throw new CandorError('USAGE', `claims settings: expected "second-approver on" or "second-approver off", got "${a.args.join(' ')}".`);
    }
    settings = writeClaimSettings(ws.db, ws.actor, { secondApprover: ON_OFF[value.toLowerCase()]! });
  }
  if (a.json) io.out(`${JSON.stringify(settings)}\n`);
  else io.out(`second-approver: ${settings.secondApprover ? 'on — the person who last wrote a claim cannot approve or publish it' : 'off — anyone may approve and publish'}\n`);
  return EXIT.ok;
}

function printHistory(io: Io, h: ClaimHistory): void {
  io.out(`${h.id}  ${h.title}  — ${h.status.replace('_', ' ')}${h.revision ? `, latest revision ${h.revision}` : ', never published'}\n`);
  for (const r of h.revisions) {
    io.out(`\nRevision ${r.revision} — published ${r.publishedAt} by ${r.publishedBy} (checked as of ${r.reviewedAsOf})\n`);
    if (r.revision === 1) io.out(`  Statement: ${r.claim.statement}\n`);
    for (const c of r.changes) io.out(`  ${c.label}: ${c.before ?? '(none)'}  ->  ${c.after ?? '(none)'}\n`);
    if (r.overrideReason) io.out(`  Published over error-level findings (${r.findings.filter((f) => f.severity === 'error').map((f) => f.rule).join(', ')}): ${r.overrideReason}\n`);
  }
  if (h.unpublished) {
    io.out('\nChanged since the last revision (not published):\n');
    for (const c of h.unpublished) io.out(`  ${c.label}: ${c.before ?? '(none)'}  ->  ${c.after ?? '(none)'}\n`);
  }
  io.out('\nEvents:\n');
  for (const e of h.events) {
    const move = e.from || e.to ? `  ${e.from ?? ''}${e.from && e.to ? ' -> ' : ''}${e.to ?? ''}` : '';
    io.out(`  ${e.at}  ${e.actor}  ${e.action}${move}${e.detail ? `  ${e.detail}` : ''}\n`);
  }
}

/** Ctrl-C stops the import at its next progress report: nothing is stored, and the error says so (exit 1). */
async function runImport(a: Args, io: Io, ws: Workspace): Promise<number> {
  const controller = new AbortController();
  const bar = phaseBar(io.err, io.interactive && !a.json);
  const cancel = () => {
    if (!controller.signal.aborted) io.err('\nCancelling the claims import (nothing is stored)...\n');
    controller.abort();
  };
  process.on('SIGINT', cancel);
  let reports: Awaited<ReturnType<typeof importClaims>>;
  try {
    reports = await importClaims(ws, a.args, {
      format: a.format, evidenceDir: a['evidence-dir'], signal: controller.signal,
      onProgress: (p) => { if (p.total > 0) bar.update({ phase: p.phase, done: p.done, total: p.total }); },
    });
  } finally {
    bar.done();
    process.off('SIGINT', cancel);
  }
  for (const r of reports) {
    if (a.json) io.out(`${JSON.stringify({ file: r.file, format: r.format, claimsCreated: r.claimsCreated, claimsUpdated: r.claimsUpdated, rejected: r.rejected, warnings: r.warnings })}\n`);
    else {
      io.out(`${r.file} (${r.format}): ${plural(r.claimsCreated, 'claim')} created, ${r.claimsUpdated} updated, ${r.rejected.length} rejected\n`);
      for (const rej of r.rejected) io.out(`  rejected ${rej.location}: ${rej.reason}\n`);
      for (const w of r.warnings) io.out(`  warning ${w.location}: ${w.message}\n`);
    }
  }
  return reports.some((r) => r.rejected.length > 0) ? EXIT.partial : EXIT.ok;
}

export const claimsCommand = defineCommand({
  name: 'claims',
  summary: 'Sustainability claims: import, list, lint, publish, retire, history, settings',
  usage: 'candor claims <import|list|lint|submit|approve|publish|retire|history|settings> <workspace> [arguments] [options]',
  help: `Keeps every public sustainability claim with its figures and evidence, checks it against green-claims rules
(EU Directive 2024/825, UK CMA Green Claims Code, US FTC Green Guides) and publishes immutable revisions.
The linter is a check, not legal advice.

  candor claims import <workspace> <file>... [--format json|csv] [--evidence-dir <folder>] [--json]
      Imports {"claims":[...]} JSON or CSV (header in docs/formats/claims.md). New claims are drafts; a changed claim
      goes back to draft; evidence files are copied into the workspace under their SHA-256.
      Evidence paths are read inside the imported file's folder (or --evidence-dir); "../", absolute paths elsewhere,
      symbolic links and files over the evidenceMaxMb setting (100 MB by default) are refused with the record named.
      --json prints one {"file","format","claimsCreated","claimsUpdated","rejected":[{"location","reason"}],"warnings":[{"location","message"}]} per file.
      Shows progress on a terminal; Ctrl-C stops the import and stores nothing (exit 1, as a fatal error).
      Exit codes: 0 all imported; 3 some records rejected (the rest imported); 1 fatal error (nothing changed).

  candor claims list <workspace> [--status <status>] [--as-of YYYY-MM-DD] [--json]
      Every claim with its status, latest revision, findings (errors/warnings/info) and progress towards its target.
      Statuses: ${CLAIM_STATUSES.join(', ')}.

  candor claims lint <workspace> [<id>...] [--as-of YYYY-MM-DD] [--json]
      Checks every claim that is not retired (or the named ones) as of the review date (default today).
      --json prints exactly {"findings":[{"claim","rule","severity","citation","message","fix"}]}.
      Exit codes: 0 no error-level findings; 4 some error-level findings; 1 fatal error.

  candor claims submit|approve <workspace> <id>... [--note <text>]
      Moves claims to "in review" / "approved"; each step is recorded in the audit log with who and when.
      Who you are is the CANDOR_ACTOR environment variable, else your login name.

  candor claims publish <workspace> <id>... [--override "<reason>"] [--as-of YYYY-MM-DD] [--note <text>] [--json]
      Publishes each claim as a new immutable revision (review and approval are recorded as done by you when the claim
      is a draft). An error-level finding blocks publishing unless --override gives a reason, which is recorded.
      With the second-approver setting on, the claim's author cannot approve or publish it (see claims settings).
      Exit codes: 0 all published; 4 some blocked by error-level findings (the others published); 1 other error.

  candor claims retire <workspace> <id>... [--reason "<text>"] [--note <text>]
      Retires claims: they and their history stay visible, marked retired, with the date and the --reason given
      (shown on the public claim page). Exit codes: 0 done; 1 error.

  candor claims settings <workspace> [second-approver on|off] [--json]
      Shows or changes the claims settings. With second-approver on, the person who last wrote a claim cannot
      approve or publish it (error SECOND_APPROVER_REQUIRED, exit 1): a colleague must. Changes are audited.
      --json prints {"secondApprover":true|false}.

  candor claims history <workspace> <id> [--json]
      Every published revision with what changed from the one before (statement, figures, evidence), changes not
      yet published, and every workflow step.`,
  options: {
    json: { type: 'boolean' },
    'as-of': { type: 'string' },
    override: { type: 'string' },
    note: { type: 'string' },
    reason: { type: 'string' },
    format: { type: 'string' },
    'evidence-dir': { type: 'string' },
    status: { type: 'string' },
  },
  schema: Args,
  async run(a, io) {
    const ws = openWorkspace(a.dir);
    try {
      switch (a.sub) {
        case 'import':
          return await runImport(a, io, ws);
        case 'list':
          return runList(a, io, ws.db, listClaims(ws.db, { status: a.status }));
        case 'lint': {
          const records = a.args.length ? a.args.map((id) => getClaim(ws.db, id)) : listClaims(ws.db, { includeRetired: false });
          return runLint(a, io, ws.db, records);
        }
        case 'publish':
          return runPublish(a, io, ws);
        case 'submit':
          return runStep(a, io, ws, 'in_review');
        case 'approve':
          return runStep(a, io, ws, 'approved');
        case 'retire':
          return runStep(a, io, ws, 'retired');
        case 'settings':
          return runSettings(a, io, ws);
        case 'history': {
          const h = claimHistory(ws.db, a.args[0]!);
          if (a.json) io.out(`${JSON.stringify(h)}\n`);
          else printHistory(io, h);
          return EXIT.ok;
        }
      }
    } finally {
      ws.close();
    }
  },
});
