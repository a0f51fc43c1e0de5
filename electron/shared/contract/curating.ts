import { z } from 'zod';
import { CurationQuery, CurationSettings, SETTING_KEYS } from '../curation/model.ts';
import type { SettingKey } from '../curation/model.ts';
import { ExportCheck } from '../curation/export-check.ts';
import { AuditFilter, AuditRow } from '../model/audit.ts';
import { channels } from './base.ts';

// Curating in the app: finishing personal-data review per conversation, tags on many conversations at once, undo of
// one's last change, the check before export, and the audit log for people (filters, words, CSV).

const Target = z.union([z.object({ ids: z.array(z.string()).min(1) }), z.object({ query: CurationQuery })]);
const Undoable = z.object({ id: z.number().int(), label: z.string(), at: z.string() });

export const curatingChannels = channels({
  /**
   * Finishes the personal-data review of the targeted conversations: "confirm" removes every finding still waiting;
   * "as-shown" records each as it is shown now (removed stays removed, left stays as written). Undoable.
   */
  'curation.review': {
    req: z.object({ target: Target, mode: z.enum(['confirm', 'as-shown']) }),
    res: z.object({ threads: z.number().int(), reviewed: z.number().int(), removed: z.number().int(), kept: z.number().int() }),
  },
  /** Adds or removes curators' tags on many conversations at once. Undoable. */
  'curation.bulkTags': {
    req: z.object({ target: Target, add: z.array(z.string()).optional(), remove: z.array(z.string()).optional() }),
    res: z.object({ matched: z.number().int(), changed: z.number().int() }),
  },
  /** The latest change of this person that can be undone (decisions, personal data, tags, workspace settings). */
  'curation.undo.last': { req: z.object({}), res: Undoable.nullable() },
  /** Undoes it: the reverse is written as new, audited changes; refused when someone changed the same thing since. */
  'curation.undo': { req: z.object({}), res: z.object({ label: z.string(), reversed: z.number().int(), next: Undoable.nullable() }) },
  /** Changes several workspace settings together (the settings screen's Save): all are checked first, one undoable change. */
  'curation.settings.update': { req: z.object({ values: z.partialRecord(z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]), z.unknown()) }), res: CurationSettings },
  /** What needs attention before the site is exported. */
  'export.check': { req: z.object({}), res: ExportCheck },
  'audit.search': { req: AuditFilter.extend({ beforeSeq: z.number().int().optional(), limit: z.number().int().min(1).max(1000).optional() }), res: z.object({ entries: z.array(AuditRow) }) },
  'audit.facets': { req: z.object({}), res: z.object({ actors: z.array(z.string()), actions: z.array(z.object({ code: z.string(), name: z.string() })) }) },
  /** Writes the matching entries, oldest first, to a CSV file (a relative path goes in the documents folder). */
  'audit.export': { req: AuditFilter.extend({ path: z.string().min(1) }), res: z.object({ path: z.string(), rows: z.number().int() }) },
});
