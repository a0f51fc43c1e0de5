import type { ErrorLocation } from '../errors.ts';
import type { ThreadInput } from '../../shared/model/thread.ts';
import type { SourceFile } from './source-file.ts';
import type { StaffMatcher } from './staff.ts';

export type ImportRecord =
  | { ok: true; thread: ThreadInput; location: ErrorLocation }
  | { ok: false; location: ErrorLocation; reason: string; skipped?: true };

export type ImportProgress = { file: string; bytesRead: number; bytesTotal: number; records: number };

export type ImporterContext = {
  staff: StaffMatcher;
  /** Column mapping for CSV (--mapping), already parsed. */
  mapping?: unknown;
  /** Companion files given in the same import (e.g. a Zendesk comments file for a tickets file). */
  companions: readonly SourceFile[];
  /** Set by a reader when a file it was given as a companion holds nothing it can use (run.ts reports it). */
  notes?: { warnings: string[] };
};

/** First bytes of a file, decoded, for format detection. */
export type DetectSample = {
  name: string;
  text: string;
  isDirectory: boolean;
  /** A column mapping was given (--mapping): a CSV is then meant for the csv importer. */
  hasMapping?: boolean;
};

export type Importer = {
  id: string;
  label: string;
  /** 0 = not this format, 1 = certainly this format. */
  detect: (sample: DetectSample) => number;
  read: (file: SourceFile, ctx: ImporterContext) => AsyncIterable<ImportRecord>;
};
