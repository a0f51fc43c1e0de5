// Errors are values: a stable code for scripts, a sentence for people, and where it happened.
export type ErrorLocation = {
  file?: string;
  line?: number;
  record?: number;
  field?: string;
};

/** Figures a caller can act on without reading the message (a refused build's counts, say). */
export type ErrorDetails = Readonly<Record<string, number | string>>;

export type CandorErrorInfo = {
  code: string;
  message: string;
  location?: ErrorLocation;
  details?: ErrorDetails;
};

export class CandorError extends Error {
  readonly code: string;
  readonly location?: ErrorLocation;
  /**
   * What to type next on the command line ("list them with: candor threads <workspace>"). The message itself names
   * no command, because the app shows it too; only the CLI prints the hint.
   */
  readonly cliHint?: string;
  readonly details?: ErrorDetails;

  constructor(code: string, message: string, location?: ErrorLocation, cliHint?: string, details?: ErrorDetails) {
    super(message);
    this.name = 'CandorError';
    this.code = code;
    if (location) this.location = location;
    if (cliHint) this.cliHint = cliHint;
    if (details) this.details = details;
  }

  toInfo(): CandorErrorInfo {
    return { code: this.code, message: this.message, ...(this.location ? { location: this.location } : {}), ...(this.details ? { details: this.details } : {}) };
  }
}

/** "file.json line 12" / "file.json record 3" — the form every report uses. */
export function formatLocation(loc: ErrorLocation | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined) parts.push(`line ${loc.line}`);
  else if (loc.record !== undefined) parts.push(`record ${loc.record}`);
  if (loc.field) parts.push(`field ${loc.field}`);
  return parts.join(' ');
}

export function toErrorInfo(err: unknown): CandorErrorInfo {
  if (err instanceof CandorError) return err.toInfo();
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: String(err) };
}
