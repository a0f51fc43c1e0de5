import type { FileReport } from '../../shared/model/import-report.ts';

/**
 * The exit code of `candor import` (a public interface): 0 when everything was imported (records deliberately kept
 * out, such as bounces, are listed but are not failures), 3 when some records were rejected. A fatal error, where
 * nothing is imported, is 1 and never reaches here (runImport throws).
 */
export function importExitCode(reports: readonly FileReport[]): 0 | 3 {
  return reports.some((r) => r.rejected.length > 0) ? 3 : 0;
}
