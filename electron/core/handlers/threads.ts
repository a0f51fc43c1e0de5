import { formatLocation, toErrorInfo } from '../errors.ts';
import type { threadChannels } from '../../shared/contract/threads.ts';
import { detectFormat, importerById, importers } from '../importers/registry.ts';
import { runImport } from '../importers/run.ts';
import { companionKind, companionVendor, COMPANION_WORDS } from '../importers/companions.ts';
import { csvEvents } from '../importers/csv-input.ts';
import { openSourceFile } from '../importers/source-file.ts';
import { savedStaff, staffMatcher } from '../importers/staff.ts';
import { ThreadInput } from '../model/thread.ts';
import type { z } from 'zod';
import { decideThreads } from '../store/decide.ts';
import { getThread, searchThreads } from '../store/threads.ts';
import { CandorError } from '../errors.ts';
import type { HandlersFor } from './context.ts';

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
  'threads.decide'(req, ctx) {
    return decideThreads(ctx.workspace(), req.target, { decision: req.decision, reason: req.reason, note: req.note });
  },
  'imports.formats'() {
    return { formats: importers.map((i) => ({ id: i.id, label: i.label })) };
  },
  'imports.detect'(req) {
    return {
      files: req.files.map((file) => {
        try {
          const kind = companionKind(file);
          const imp = kind ? importerById(companionVendor(kind)) : detectFormat(file);
          return { file, format: imp.id, label: imp.label, error: null, companion: kind ? COMPANION_WORDS[kind] : null };
        } catch (err) {
          return { file, format: null, label: null, error: toErrorInfo(err).message };
        }
      }),
    };
  },
  async 'imports.preview'(req, ctx) {
    const file = req.files[0]!;
    const importer = req.format ? importerById(req.format) : detectFormat(file);
    const ws = ctx.workspace();
    const staff = staffMatcher([...savedStaff(ws.db), ...(req.staff ?? [])]);
    const threads: z.output<typeof ThreadInput>[] = [];
    const rejected: { location: string; reason: string }[] = [];
    const companions = (req.companions ?? []).map((p) => openSourceFile(p));
    for await (const rec of importer.read(openSourceFile(file), { staff, mapping: req.mapping, companions })) {
      if (rec.ok) threads.push(ThreadInput.parse(rec.thread));
      else rejected.push({ location: formatLocation(rec.location), reason: rec.reason });
      if (threads.length + rejected.length >= req.limit) break;
    }
    return { format: importer.id, threads, rejected };
  },
  async 'imports.run'(req, ctx) {
    const reports = await runImport(ctx.workspace(), req.files, {
      format: req.format,
      staff: req.staff,
      mapping: req.mapping,
      companions: req.companions,
      encoding: req.encoding,
      onProgress: (p) => ctx.emitProgress({ job: 'import', phase: p.file, done: p.bytesRead, total: p.bytesTotal, unit: 'bytes', message: `${p.records} records` }),
      onScanProgress: (p) => ctx.emitProgress({ job: 'import', phase: 'scanning for personal data', done: p.done, total: p.total, unit: 'records', message: `${p.done} of ${p.total} conversations scanned` }),
    });
    return { reports };
  },
  async 'imports.csvSample'(req) {
    const columns: string[] = [];
    const rows: string[][] = [];
    for await (const ev of csvEvents(openSourceFile(req.file), req.encoding ? { encoding: req.encoding } : {})) {
      if (ev.kind === 'header') columns.push(...ev.cells);
      else if (ev.kind === 'row') rows.push(ev.cells);
      if (rows.length >= req.rows) break;
    }
    return { columns, rows };
  },
};
