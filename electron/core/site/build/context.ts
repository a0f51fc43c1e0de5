import type { ViewRulesData } from '../../curation/public-view.ts';
import type { VersionedStats } from '../../curation/workspace-stats.ts';
import type { DatabaseSync } from 'node:sqlite';
import type { Workspace } from '../../workspace.ts';
import type { SiteBranding } from '../branding.ts';
import type { StatePaths } from '../build-state.ts';
import type { ThreadRecord } from '../saved-threads.ts';
import type { SigningKey } from '../keys.ts';
import type { ManifestFile } from '../manifest.ts';
import type { DataWriter } from '../open-data/row-files.ts';
import type { Output } from '../output.ts';
import type { SiteGlobals } from '../pages.ts';
import type { Pool } from '../render/pool.ts';
import type { SearchPool } from '../search/pool.ts';
import type { SiteData } from '../site-data.ts';
import type { FileInfo, SiteWriter } from '../site-writer.ts';
import type { ThreadSummary } from '../thread-views.ts';
import type { PhaseName } from './errors.ts';
import type { ThreadGroups } from './thread-groups.ts';
import type { PublicationDraft } from '../publication-store.ts';
import type { BuildPlan, PreviousBuild } from './plan.ts';

// What every phase of a build shares: what it was asked for, what it read, what it planned, and what it has made so
// far. The load phase (load.ts) fills in the first three; each later phase adds its files and hands on what the next
// ones need. Phases run one after the other in build.ts.

type BuildPhase = 'load' | 'threads' | 'pages' | 'data' | 'search' | 'manifest' | 'done';
export type BuildProgress = { phase: BuildPhase; done: number; total: number };
export type BuildTimings = { load: number; threads: number; pages: number; data: number; search: number; manifest: number; total: number };

/** How the site looks and where it goes, resolved from the options and the workspace's saved settings. */
export type BuildSettings = {
  theme: string;
  baseUrl: string | null;
  search: boolean;
  roots: string[];
  globals: SiteGlobals;
  signing: SigningKey | null;
  branding: SiteBranding;
  /** Everything every page depends on besides its own data: code, theme, settings. Part of every input hash. */
  fingerprint: string;
  /** False when the code's fingerprint could not be known: nothing of the previous build is reused. */
  trusted: boolean;
  /** How thread pages show threads (naming in the site's language, topic names that may be shown). */
  view: ViewRulesData;
};

/** A thread of this build as the later phases and the next build need it. */
export type ThreadState = ThreadRecord & { id: string };

export type BuildContext = {
  ws: Workspace;
  /** Where the scans of every published thread read (scans.ts). */
  scans: DatabaseSync;
  output: Output;
  paths: StatePaths;
  data: SiteData;
  /** The statistics, read apart (on a worker for big workspaces) from the data version `data` was read at. */
  stats: Promise<VersionedStats>;
  /** The statistics are the ones an earlier build kept for this data (kept.ts): nothing to keep again. */
  statsKept: boolean;
  /** What earlier builds kept (kept.ts) may be used: not a --clean build. */
  trustKept: boolean;
  settings: BuildSettings;
  previous: PreviousBuild | null;
  plan: BuildPlan;
  /** Writes into the temporary folder, hashing as it goes. */
  writer: SiteWriter;
  /** Every file of the new site (the manifest lists them), the previous site's entry for files kept as they were. */
  files: ManifestFile[];
  /** Input hash of every page that is not a thread page. */
  pageHashes: Record<string, string>;
  /** Every list page's path, known before they are all made (the sitemap is written while they render). */
  listPaths: string[];
  /** The published threads in site order, once rendered or reused. */
  threads: ThreadState[];
  /** Their kinds, topics and summary hashes, gathered as they are written (thread pages phase), for the list pages. */
  groups: ThreadGroups;
  /** The list items of this build (each thread's card, in site order), written by the thread pages phase. */
  cardsFile: string;
  /** The newest threads' summaries (feed, home page). */
  newest: ThreadSummary[];
  /** Topic pages: name, first page's address, number of threads; sorted by key. */
  topics: { name: string; url: string; count: number }[];
  /** Evidence file SHA-256 -> its path in the site. */
  evidence: Map<string, string>;
  /** Search bundle name -> input hash. */
  bundles: Record<string, string>;
  counts: { htmlPages: number; rendered: number; reused: number };
  /** Work that runs on while later phases go on, awaited by the phase that needs it. */
  pending: { listPages: Promise<void>; rowFiles: Promise<FileInfo[]>; publication: Promise<PublicationDraft> | null };
  /** What a failed build must stop before it removes its temporary folder. */
  resources: { pool: Pool | null; search: SearchPool | null; rowWriters: DataWriter[]; cardsPending: boolean };
  /** Set once the new site is in place: its size, files, its manifest's SHA-256 and the deletion of the site it replaced. */
  committed: { bytes: number; withheld: number; files: number; manifestSha: string; cleanup: Promise<void> } | null;
  warnings: string[];
  progress: (p: BuildProgress) => void;
  /** The publication log as this build shows it (fixed pages phase), recorded once the site is in place. */
  publication?: PublicationDraft;
};

/** A phase: its name in errors, where its time is counted, and its work. */
export type Phase = {
  name: PhaseName;
  timing: Exclude<keyof BuildTimings, 'total'>;
  /**
   * Work of this phase that needs only what the load read: started once the load is done, as a pending promise the
   * phase awaits, so it is done while the builder's thread waits on the render workers rather than while they wait on it.
   */
  start?: (ctx: BuildContext) => void;
  run: (ctx: BuildContext) => void | Promise<void>;
};
