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
      return err.code === 'USAGE' ? EXIT.usage : EXIT.fatal;
    }
    io.err(`candor ${name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.fatal;
  }
}

/** Runs the command line of this process and sets its exit code. */
export async function runFromProcess(): Promise<void> {
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    interactive: Boolean(process.stderr.isTTY),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
