import { z } from 'zod';
import { FileReport } from '../model/import-report.ts';
import { ThreadInput } from '../model/thread.ts';
import { ThreadDetail, ThreadPage, ThreadQuery } from '../model/thread-views.ts';
import { channels } from './base.ts';

const DetectedFile = z.object({
  file: z.string(), format: z.string().nullable(), label: z.string().nullable(), error: z.string().nullable(),
  /** What a companion file holds (Zendesk audits, Freshdesk conversations...), in words; it joins the tickets it goes with. */
  companion: z.string().nullable().optional(),
});

const ImportRequest = z.object({
  files: z.array(z.string()).min(1),
  format: z.string().optional(),
  staff: z.array(z.string()).optional(),
  mapping: z.unknown().optional(),
  companions: z.array(z.string()).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
});

export const threadChannels = channels({
  'threads.search': { req: ThreadQuery, res: ThreadPage },
  'threads.get': { req: z.object({ id: z.string() }), res: ThreadDetail },
  /**
   * Every source the workspace's conversations came from (a help desk or review site, or the source name a CSV import
   * was given), with how many conversations each: the inbox's Source filter.
   */
  'threads.sources': { req: z.object({}), res: z.object({ sources: z.array(z.object({ id: z.string(), threads: z.number().int() })) }) },
  'imports.formats': { req: z.object({}), res: z.object({ formats: z.array(z.object({ id: z.string(), label: z.string() })) }) },
  'imports.detect': { req: z.object({ files: z.array(z.string()).min(1) }), res: z.object({ files: z.array(DetectedFile) }) },
  'imports.preview': {
    req: ImportRequest.extend({ limit: z.number().int().min(1).max(200).default(10) }),
    res: z.object({ format: z.string(), threads: z.array(ThreadInput), rejected: z.array(z.object({ location: z.string(), reason: z.string() })) }),
  },
  'imports.run': { req: ImportRequest, res: z.object({ reports: z.array(FileReport) }) },
  /** A CSV's header and first rows, for the app's column-mapping step. */
  'imports.csvSample': {
    req: z.object({ file: z.string().min(1), encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(), rows: z.number().int().min(0).max(50).default(5) }),
    res: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  },
});
