import type { Migration } from '../migration.ts';
import { migration as m0010 } from './0010-initial.ts';
import { migration as m0030 } from './0030-curation.ts';
import { migration as m0040 } from './0040-claims.ts';
import { migration as m0050 } from './0050-site-reads.ts';
import { migration as m0060 } from './0060-personal-data.ts';
import { migration as m0070 } from './0070-corrections.ts';
import { migration as m0080 } from './0080-claim-language.ts';
import { migration as m0110 } from './0110-publish-targets.ts';
import { migration as m0100 } from './0100-undo.ts';
import { migration as m0130 } from './0130-publication-log.ts';
import { migration as m0140 } from './0140-text-languages.ts';

// In version order. Add one line per migration file; never edit a migration that has shipped.
export const migrations: readonly Migration[] = [
  m0010,
  m0030,
  m0040,
  m0050,
  m0060,
  m0070,
  m0080,
  m0110,
  m0100,
  m0130,
  m0140,
  // <new migrations above this line, in version order>
].sort((a, b) => a.version - b.version);

export const latestVersion = migrations[migrations.length - 1]!.version;
