import { CandorError, toErrorInfo } from '../../errors.ts';

// A failed build says where it failed: the phase, the file it was writing and the thread or claim that file shows.
// Render workers send errors back as values (code, message, location), so the file and the thread are put into the
// message and the location where the error happens; the phase is added once, by the builder.

export type PhaseName = 'load' | 'thread pages' | 'list pages' | 'fixed pages' | 'open data' | 'feeds' | 'assets' | 'search' | 'manifest and commit';

/** A build error: the phase it happened in and, when it was making one, the file (also in `location.file`). */
export class BuildError extends CandorError {
  readonly phase: PhaseName;

  constructor(code: string, message: string, phase: PhaseName, location?: CandorError['location'], details?: CandorError['details']) {
    super(code, message, location, undefined, details);
    this.name = 'BuildError';
    this.phase = phase;
  }
}

/** An error raised while making the file at `path` (a path in the site), for the thread or claim it shows. */
export function fileError(err: unknown, path: string, subject: { thread?: string; claim?: string } = {}): CandorError {
  const info = toErrorInfo(err);
  // Already named (a page rendered inside another step of the same file).
  if (info.location?.file === path) return err instanceof CandorError ? err : new CandorError(info.code, info.message, info.location);
  const what = subject.thread ? ` (thread ${subject.thread})` : subject.claim ? ` (claim ${subject.claim})` : '';
  return new CandorError(info.code, `${path}${what}: ${info.message}`, { ...info.location, file: path });
}

/** The error as the builder reports it: the phase first. An error that already names its phase is left as it is. */
export function inPhase(err: unknown, phase: PhaseName): BuildError {
  if (err instanceof BuildError) return err;
  const info = toErrorInfo(err);
  return new BuildError(info.code, `The site could not be built (${phase}): ${info.message}`, phase, info.location, info.details);
}

/** The workspace moved on while the build read it in parts: the site would mix two states. */
export function workspaceChanged(): CandorError {
  return new CandorError('WORKSPACE_CHANGED', 'The workspace changed while the site was being built. Build again.');
}
