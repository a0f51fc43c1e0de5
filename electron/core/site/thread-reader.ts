import { DB_FILE, openQueryOnly } from '../db/query-only.ts';
import { join } from 'node:path';
import { publishedViews, viewRules } from '../curation/public-view.ts';
import type { ViewRulesData } from '../curation/public-view.ts';
import type { NamingWords } from '../curation/settings.ts';
import type { SiteText } from './i18n.ts';
import type { KnownLanguages } from './language-detect.ts';
import { knownLanguages } from './text-languages.ts';
import type { PublishedThread } from '../../shared/curation/model.ts';
import { dataVersion } from '../store/data-version.ts';

// Apart from the rest of the site's data (site-data.ts) so that a render worker loads only what reading threads
// needs: not the claims register and its language model (half a second of start-up per worker), nor the personal
// data detectors (libphonenumber and the rest, a tenth of a second or more): the builder has checked the scans and
// the topic names (siteViewRules in curation/published.ts) and hands the worker the rules to show threads by.

/**
 * A read-only connection for a build's render worker: it reads published threads (by rowid, from the build's thread
 * keys) and nothing else. The build has checked the scans (loadSiteData) and checks the data version at the end.
 */
export type ThreadReader = {
  read: (rowids: readonly number[]) => PublishedThread[];
  /** The same threads one at a time, read `batchSize` at a time (fewer alive at once than `read`). */
  stream: (rowids: readonly number[], batchSize: number) => Iterable<PublishedThread>;
  /** The languages detected when these threads were scanned (text-languages.ts), by rowid. */
  languages: (rowids: readonly number[]) => Map<number, KnownLanguages>;
  version: () => number;
  close: () => void;
};

/** How the site names people in its language ("Kunde in {location}"), from the locale's naming.* texts. */
export function namingWords(text: SiteText): NamingWords {
  return { customer: text.text('naming.customer'), customerIn: text.text('naming.customerIn', { location: '{location}' }), staff: text.text('naming.staff'), system: text.text('naming.system') };
}

export function openThreadReader(workspaceDir: string, view: ViewRulesData): ThreadReader {
  const db = openQueryOnly(join(workspaceDir, DB_FILE));
  const rules = viewRules(view);
  return {
    read: (rowids) => [...publishedViews(db, rowids, rules)],
    stream: (rowids, batchSize) => publishedViews(db, rowids, rules, batchSize),
    languages: (rowids) => knownLanguages(db, rowids),
    version: () => dataVersion(db).seq,
    close: () => db.close(),
  };
}
