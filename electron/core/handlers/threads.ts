import { formatLocation, toErrorInfo } from '../errors.ts';
import type { threadChannels } from '../../shared/contract/threads.ts';
import { detectFormat, importerById, importers } from '../importers/registry.ts';
import { runImport } from '../importers/run.ts';
import { companionKind, companionVendor, COMPANION_WORDS } from '../importers/companions.ts';
import { csvEvents } from '../importers/csv-input.ts';
import { openSourceFile } from '../importers/source-file.ts';
import { savedStaff, staffMatcher } from '../importers/staff.ts';
import { ThreadInput } from '../../shared/model/thread.ts';
import type { z } from 'zod';
import { getThread, searchThreads } from '../store/threads.ts';
import { CandorError } from '../errors.ts';
import type { HandlersFor } from './context.ts';
import { userPath } from './context.ts';

export const threadHandlers: HandlersFor<typeof threadChannels> = {
  // Reads go to the read-only connection: they see committed data only, whatever a write is doing.
  'threads.search'(req, ctx) {
    return searchThreads(ctx.workspace().reader(), req);
  },
  'threads.get'(req, ctx) {
    const t = getThread(ctx.workspace().reader(), req.id);
    if (!t) throw new CandorError('NOT_FOUND', `No thread "${req.id}" in this workspace.`);
    return t;
  },
  'threads.sources'(_req, ctx) {
    // One pass over the (source, …) index: no table rows are read.
    const rows = ctx.workspace().reader().prepare('SELECT source AS id, count(*) AS threads FROM threads GROUP BY source ORDER BY source').all() as { id: string; threads: number }[];
    return { sources: rows.map((r) => ({ id: r.id, threads: r.threads })) };
  },
  'imports.formats'() {
    return { formats: importers.map((i) => ({ id: i.id, label: i.label })) };
  },
  'imports.detect'(req, ctx) {
    return {
      files: req.files.map((file) => {
        try {
          const path = userPath(ctx, file);
          const kind = companionKind(path);
          const imp = kind ? importerById(companionVendor(kind)) : detectFormat(path);
          return { file, format: imp.id, label: imp.label, error: null, companion: kind ? COMPANION_WORDS[kind] : null };
        } catch (err) {
          return { file, format: null, label: null, error: toErrorInfo(err).message };
        }
      }),
    };
  },
  async 'imports.preview'(req, ctx) {
    const file = userPath(ctx, req.files[0]!);
    const importer = req.format ? importerById(req.format) : detectFormat(file);
    const ws = ctx.workspace();
    const staff = staffMatcher([...savedStaff(ws.db), ...(req.staff ?? [])]);
    const threads: z.output<typeof ThreadInput>[] = [];
    const rejected: { location: string; reason: string }[] = [];
    const companions = (req.companions ?? []).map((p) => openSourceFile(userPath(ctx, p)));
    // The encoding chosen in the app shows in the preview, so garbled letters can be seen to be fixed before importing.
    const source = openSourceFile(file);
    if (req.encoding) source.encoding = req.encoding;
    for await (const rec of importer.read(source, { staff, mapping: req.mapping, companions })) {
      if (rec.ok) threads.push(ThreadInput.parse(rec.thread));
      else rejected.push({ location: formatLocation(rec.location), reason: rec.reason });
      if (threads.length + rejected.length >= req.limit) break;
    }
    return { format: importer.id, threads, rejected };
  },
  async 'imports.run'(req, ctx) {
    const reports = await runImport(ctx.workspace(), req.files.map((f) => userPath(ctx, f)), {
      format: req.format,
      staff: req.staff,
      mapping: req.mapping,
      companions: req.companions?.map((f) => userPath(ctx, f)),
      encoding: req.encoding,
      onProgress: (p) => ctx.emitProgress({ job: 'import', phase: p.file, done: p.bytesRead, total: p.bytesTotal, unit: 'bytes', message: `${p.records} records` }),
      onScanProgress: (p) => ctx.emitProgress({ job: 'import', phase: 'scanning for personal data', done: p.done, total: p.total, unit: 'records', message: `${p.done} of ${p.total} conversations scanned` }),
    });
    return { reports };
  },
  async 'imports.csvSample'(req, ctx) {
    const columns: string[] = [];
    const rows: string[][] = [];
    for await (const ev of csvEvents(openSourceFile(userPath(ctx, req.file)), req.encoding ? { encoding: req.encoding } : {})) {
      if (ev.kind === 'header') columns.push(...ev.cells);
      else if (ev.kind === 'row') rows.push(ev.cells);
      if (rows.length >= req.rows) break;
    }
    return { columns, rows };
  },
};
