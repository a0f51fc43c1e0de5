// The `candor` command. Thin: finds the command, parses its flags against its schema, calls the core.
import { CandorError } from '../core/errors.ts';
import { VERSION } from '../core/version.ts';
import { onWorkspaceWarning } from '../core/workspace.ts';
import { EXIT, parseCommandArgs } from './command.ts';
import type { Io } from './command.ts';
import { commands } from './commands/index.ts';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `candor — publish honest transparency sites

Usage: candor <command> [arguments] [--help]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "candor <command> --help" for a command's arguments, options and exit codes.
`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.out(`candor ${VERSION}\n`);
    return EXIT.ok;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`candor: unknown command "${name}".\n\n${overview()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${cmd.usage}\n\n${cmd.help}\n`);
    return EXIT.ok;
  }
  // A database not as Candor left it (lost write-ahead log, changed outside Candor) is said on stderr, every command.
  onWorkspaceWarning((w) => io.err(`warning: ${w.message}\n`));
  try {
    const args = parseCommandArgs(cmd, rest);
    return await cmd.run(args, io);
  } catch (err) {
    if (err instanceof CandorError) {
      io.err(`candor ${name}: ${err.message}${err.cliHint ? ` (${err.cliHint})` : ''}\n`);
      return err.code === 'USAGE' ? EXIT.usage : err.code === 'SITE_WOULD_SHRINK' ? EXIT.shrink : EXIT.fatal;
    }
    io.err(`candor ${name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.fatal;
  }
}

/** Exit code of a command whose reader went away (`candor threads … | head`): the shell's code for SIGPIPE. */
export const EXIT_READER_GONE = 141;

/**
 * Ends the process quietly when whoever reads its output stops reading (a closed pipe): the rest of the output has
 * no reader, and Node would otherwise print an EPIPE stack trace. Any other stream error is reported and fails.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(EXIT_READER_GONE);
    try {
      process.stderr.write(`candor: cannot write the output: ${err.message}\n`);
    } finally {
      process.exit(EXIT.fatal);
    }
  });
}

/**
 * Runs the command line of this process and sets its exit code. Until the command has settled the exit code is a
 * failure: a command whose promise can never settle (a job waiting on something that is gone) ends with exit 1 and
 * says so, never with 0.
 */
export async function runFromProcess(): Promise<void> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    interactive: Boolean(process.stderr.isTTY),
  };
  process.exitCode = EXIT.fatal;
  let settled = false;
  process.once('beforeExit', () => {
    if (settled) return;
    io.err(`candor ${process.argv[2] ?? ''}: stopped before finishing: it was waiting for work that can no longer end. Nothing was reported as done.\n`);
    process.exit(EXIT.fatal);
  });
  const code = await main(process.argv.slice(2), io);
  settled = true;
  process.exitCode = code;
}
