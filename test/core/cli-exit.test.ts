import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../electron/core/importers/run.ts';
import { CLI, makeThreads, NODE, ROOT, tempWorkspace } from '../helpers/workspace.ts';

// The command line ends the way a shell user expects: quietly when the reader of its output stops early (`| head`),
// and never with exit 0 when a command's work could not finish.

let t: ReturnType<typeof tempWorkspace>;

beforeAll(async () => {
  t = tempWorkspace();
  const file = join(t.dir, '..', 'threads.jsonl');
  writeFileSync(file, `${makeThreads(3000).map((x) => JSON.stringify(x)).join('\n')}\n`);
  await runImport(t.ws, [file]);
  t.ws.close();
}, 120_000);
afterAll(() => t?.cleanup());

/** Runs a shell pipeline with a real pipe; the command's stderr and exit code are captured apart from head's. */
function pipeline(command: string): { stdout: string; stderr: string; code: string } {
  const r = spawnSync('bash', ['-c', `${command} 2>"$ERR_FILE"; echo "exit:\${PIPESTATUS[0]}"; cat "$ERR_FILE"`], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, ERR_FILE: join(t.dir, '..', 'stderr.txt') },
  });
  const [head, tail = ''] = r.stdout.split(/^exit:/m);
  const [code = '', ...rest] = tail.split('\n');
  return { stdout: head ?? '', code, stderr: rest.join('\n') };
}

describe('candor on the command line', () => {
  it('ends quietly when the reader stops early: candor threads … | head', () => {
    const r = pipeline(`"${NODE}" "${CLI}" threads "${t.dir}" --limit 3000 | head -n 2`);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stdout).toMatch(/^3000 threads\n/);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.stderr).toBe('');
    // The shell's code for a reader that went away (SIGPIPE), never a crash (1) and never "all written" (0).
    expect(r.code).toBe('141');
  });

  it('still exits 0 when the whole output is read', () => {
    const r = pipeline(`"${NODE}" "${CLI}" threads "${t.dir}" --limit 3000 | wc -l`);
    expect(r.stdout.trim()).toBe('3001');
    expect(r.code).toBe('0');
  });

  it('never exits 0 when a command waits on something that can no longer happen', () => {
    // A command whose work is waiting on a promise nothing will settle (as a job on a dead worker did).
    const script = `
      import { commands } from './electron/cli/commands/index.ts';
      import { runFromProcess } from './electron/cli/main.ts';
      import { z } from 'zod';
      commands.push({ name: 'hang', summary: '', usage: '', help: '', options: {}, schema: z.any(), run: () => new Promise(() => {}) });
      process.argv.splice(1, process.argv.length, 'candor', 'hang');
      await runFromProcess();
    `;
    const r = spawnSync(NODE, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('candor hang: stopped before finishing');
  });
});
