import { main } from '../../electron/cli/main.ts';
import type { CliResult } from './workspace.ts';

/**
 * Runs a `candor` command inside the test process through the same `main()` the binary calls, and returns what the
 * binary would have: exit code, stdout and stderr. A spawned Node 24 start costs about a second (compiling Candor's
 * TypeScript); tests about what a command does use this, and each command family keeps at least one `runCli` test
 * through the real binary for exit codes, streams and start-up. The environment overrides (CANDOR_ACTOR...) apply
 * for the call only; calls must not overlap, so tests that use this run their commands one after another.
 */
export async function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const vars: Record<string, string> = { CANDOR_ACTOR: 'tester', ...env };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(args, { out: (s) => { stdout += s; }, err: (s) => { stderr += s; }, interactive: false });
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
