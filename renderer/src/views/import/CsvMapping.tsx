import { useEffect } from 'react';

export type MappingState = { valid: boolean; value: unknown };

export function isCsv(format: string): boolean {
  return format === 'csv';
}

/** The CSV column-mapping step. */
export function CsvMapping({ file, onChange }: { file: string; onChange: (m: MappingState | null) => void }) {
  useEffect(() => {
    onChange(null);
  }, [file, onChange]);
  return <p className="muted">Column mapping for {file}.</p>;
}
