import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CandorError } from '../../core/errors.ts';
import { importers } from '../../core/importers/registry.ts';
import { importExitCode } from '../../core/importers/exit-code.ts';
import { runImport } from '../../core/importers/run.ts';
import { sourceFromMappingFile } from '../../core/importers/csv-mapping.ts';
import { CHOOSE_ENCODING } from '../../core/importers/file-scan.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';
import { phaseBar, progressBar } from '../progress.ts';

function readMapping(path: string): unknown {
  let mapping: unknown;
  try {
    mapping = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new CandorError('BAD_MAPPING', `${path}: cannot read the column mapping (${(err as Error).message}).`, { file: path });
  }
  // The source is named after the mapping, not the CSV: next month's export, read with the same mapping, then
  // updates the same threads instead of creating new ones.
  if (typeof mapping === 'object' && mapping !== null && !Array.isArray(mapping) && !('source' in mapping)) {
    return { ...mapping, source: sourceFromMappingFile(path) };
  }
  return mapping;
}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import feedback threads from files',
  usage: 'candor import <workspace> <file...> [--format <id>] [--staff <address|@domain>]... [--mapping <file.json>] [--comments <file>] [--encoding <name>] [--json]',
  help: `Imports every thread in the files. The format is detected from the content unless --format names it.
Re-importing the same file creates nothing; a thread that changed at the source gets its new messages and fields,
and curators' decisions, tags and redactions are kept. The whole import is one transaction.

Options:
  --format <id>            Force a format: ${importers.map((i) => i.id).join(', ')}
                           (without it the format is detected from the content)
  --staff <addr|@domain>   Messages from this address or domain are staff replies (repeatable; saved in the workspace)
  --mapping <file.json>    Column mapping for CSV files (docs/formats/csv-mapping.md)
  --comments <file>        A companion file for the tickets: Zendesk comments, ticket audits or satisfaction ratings,
                           Freshdesk conversations (repeatable; also recognised when given as a file to import)
  --encoding <name>        Read text files as utf-8, utf-16le, utf-16be or windows-1252 (without it the encoding is
                           chosen from the whole file: a byte order mark, else how much of it is valid UTF-8)
  --json                   Print one JSON report per file

Records kept out on purpose (bounces and auto-replies, tickets deleted at the source) are listed as "kept out".
Warnings (no staff message found, bytes that were not valid text) are printed on stderr.

Exit codes: 0 all records imported; 3 some records were rejected (the rest were imported); 1 fatal error (nothing changed).`,
  options: {
    format: { type: 'string' },
    staff: { type: 'string', multiple: true },
    mapping: { type: 'string' },
    comments: { type: 'string', multiple: true },
    encoding: { type: 'string' },
    json: { type: 'boolean' },
  },
  schema: z.object({
    positionals: z.array(z.string()).min(2, 'name the workspace and at least one file'),
    values: z.object({
      format: z.string().optional(),
      staff: z.array(z.string().min(1)).optional(),
      mapping: z.string().optional(),
      comments: z.array(z.string()).optional(),
      encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'], { error: '--encoding must be utf-8, utf-16le, utf-16be or windows-1252' }).optional(),
      json: z.boolean().optional(),
    }),
  }),
  async run({ positionals: [dir, ...files], values }, io) {
    const ws = openWorkspace(dir!);
    const bar = progressBar(io.err, io.interactive && !values.json);
    const scanBar = phaseBar(io.err, io.interactive && !values.json);
    try {
      const reports = await runImport(ws, files, {
        format: values.format,
        staff: values.staff,
        mapping: values.mapping ? readMapping(values.mapping) : undefined,
        companions: values.comments,
        encoding: values.encoding,
        onProgress: bar.update,
        // Personal data is scanned right after the commit, so the first filtered search answers at once.
        onScanProgress: (p) => { bar.done(); scanBar.update({ phase: 'scanning', done: p.done, total: p.total }); },
        // Human output says how each file is read; --json output stays exactly one report per file.
        onFormat: values.json ? undefined : (f) => io.out(`${f.file}: ${f.detected ? 'detected' : 'reading as'} ${f.format} — ${f.label}\n`),
      });
      bar.done();
      scanBar.done();
      if (values.json) {
        for (const r of reports) io.out(`${JSON.stringify({ file: r.file, format: r.format, threadsCreated: r.threadsCreated, threadsUpdated: r.threadsUpdated, messagesCreated: r.messagesCreated, internalNotes: r.internalNotes, rejected: r.rejected, skipped: r.skipped ?? [], warnings: r.warnings ?? [] })}\n`);
      } else {
        for (const r of reports) {
          io.out(`${r.file} (${r.format}): ${r.threadsCreated} threads created, ${r.threadsUpdated} updated, ${r.messagesCreated} messages (${r.internalNotes} internal notes)${r.skipped?.length ? `, ${r.skipped.length} kept out` : ''}\n`);
          for (const rej of r.rejected) io.out(`  rejected ${rej.location}: ${rej.reason}\n`);
          for (const sk of r.skipped ?? []) io.out(`  kept out ${sk.location}: ${sk.reason}\n`);
        }
      }
      // Warnings go to stderr in both modes, so --json output stays one report per line.
      // The report's words are the app's too; here the advice gets its flag.
      for (const r of reports) for (const w of r.warnings ?? []) io.err(`warning: ${w.includes(CHOOSE_ENCODING) ? `${w} (--encoding utf-8|windows-1252|utf-16le|utf-16be)` : w}\n`);
      return importExitCode(reports) === 3 ? EXIT.partial : EXIT.ok;
    } finally {
      bar.done();
      ws.close();
    }
  },
});
