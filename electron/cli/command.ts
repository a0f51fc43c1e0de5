import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { CandorError } from '../core/errors.ts';

export const EXIT = { ok: 0, fatal: 1, usage: 2, partial: 3, lintErrors: 4, shrink: 5 } as const;

export type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars only then. */
  interactive: boolean;
};

export type ParsedArgs = { positionals: string[]; values: Record<string, string | boolean | string[] | boolean[] | undefined> };

/**
 * One CLI command. Flags are declared for node:util parseArgs, then the parsed shape is checked against `schema`,
 * so every flag has one definition and one validation.
 */
export type Command<S extends z.ZodType = z.ZodType> = {
  name: string;
  summary: string;
  usage: string;
  /** Longer help: arguments, flags, exit codes. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  schema: S;
  run: (args: z.output<S>, io: Io) => Promise<number>;
};

export function defineCommand<S extends z.ZodType>(c: Command<S>): Command<S> {
  return c;
}

export function parseCommandArgs<S extends z.ZodType>(cmd: Command<S>, argv: string[]): z.output<S> {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: argv, options: cmd.options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (err) {
    throw new CandorError('USAGE', `${(err as Error).message}\nUsage: ${cmd.usage}`);
  }
  const result = cmd.schema.safeParse(parsed);
  if (!result.success) {
    const msg = result.error.issues.map((i) => {
      const where = i.path.filter((p) => p !== 'values' && p !== 'positionals');
      return `${where.length ? `--${where.join('.')}: ` : ''}${i.message}`;
    }).join('\n');
    throw new CandorError('USAGE', `${msg}\nUsage: ${cmd.usage}`);
  }
  return result.data;
}

/** Flags that take a number arrive as strings. */
export const intFlag = (min: number, max: number) => z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(min).max(max));
