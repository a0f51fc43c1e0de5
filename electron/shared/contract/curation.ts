import { z } from 'zod';
import { CuratedPage, CurationQuery, CurationSettings, DetectorNews, EraseResult, EraseTarget, FindingView, ManualRedaction, PublishedThread, SETTING_KEYS, ThreadRedactions } from '../curation/model.ts';
import type { SettingKey } from '../curation/model.ts';
import { Stats } from '../curation/stats.ts';
import { WithholdReason } from '../model/thread.ts';
import { channels } from './base.ts';

const ThreadRef = z.object({ threadId: z.string().min(1) });
const FindingRef = ThreadRef.extend({ findingId: z.string().min(1) });

const CurationDecideRequest = z.object({
  target: z.union([z.object({ ids: z.array(z.string()).min(1) }), z.object({ query: CurationQuery })]),
  decision: z.enum(['publish', 'withhold', 'pending']),
  reason: WithholdReason.optional(),
  note: z.string().max(4000).optional(),
});

const ThreadTags = z.object({ threadId: z.string(), source: z.array(z.string()), manual: z.array(z.string()), topics: z.array(z.string()) });

export const curationChannels = channels({
  /** Personal data found in a thread, with each finding's review status and what publishing removes. */
  'curation.findings': { req: ThreadRef, res: ThreadRedactions },
  'curation.accept': { req: FindingRef, res: FindingView },
  /** Publish a finding as written; a high-confidence finding needs a reason (the same as curation.keep). */
  'curation.reject': { req: FindingRef.extend({ reason: z.string().max(2000).optional() }), res: FindingView },
  'curation.keep': { req: FindingRef.extend({ reason: z.string().trim().min(1, 'keeping personal data needs a reason').max(2000) }), res: FindingView },
  /** A manual redaction of [start, end) in the subject ("subject") or a public message ("message:<id>" or the id). */
  'curation.span': { req: ThreadRef.extend({ location: z.string().min(1), start: z.number().int().nonnegative(), end: z.number().int().positive(), note: z.string().max(2000).optional() }), res: ManualRedaction },
  'curation.unspan': { req: ThreadRef.extend({ redactionId: z.string().min(1) }), res: z.object({ removed: z.literal(true) }) },
  'curation.tags': { req: ThreadRef.extend({ add: z.array(z.string()).optional(), remove: z.array(z.string()).optional() }), res: ThreadTags },
  'curation.search': { req: CurationQuery, res: CuratedPage },
  'curation.decide': { req: CurationDecideRequest, res: z.object({ matched: z.number().int(), changed: z.number().int(), refused: z.array(z.object({ id: z.string(), reason: z.string() })) }) },
  'curation.stats': { req: z.object({}), res: Stats },
  'curation.settings.get': { req: z.object({}), res: CurationSettings },
  'curation.settings.set': { req: z.object({ key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]), value: z.unknown() }), res: CurationSettings },
  /** Exactly what the public site shows of the thread (whatever its decision: the app previews with it). */
  'curation.publishedView': { req: ThreadRef, res: PublishedThread },
  /**
   * Erase a customer (GDPR Art. 17): some threads by id, or every thread of a customer by e-mail address or name.
   * Irreversible; the next build removes them from the site. dryRun only counts.
   */
  'curation.erase': { req: z.object({ target: EraseTarget, dryRun: z.boolean().optional() }), res: EraseResult },
  /** "Personal-data detection improved: N conversations have new findings to review." */
  'curation.detectorNews': { req: z.object({}), res: DetectorNews },
});
