import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers/workspace.ts';

// The rooms are kept apart by lint; these probes prove the rules are really there.
describe('room boundaries', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ['electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/cli/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['renderer/src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/src/probe.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n"],
    ['renderer/src/probe.ts', "import { openWorkspace } from '../../electron/core/workspace.ts';\nexport const a = openWorkspace;\n"],
  ])('%s may not import that: %s', async (file, code) => {
    expect(await lint(file, code)).not.toEqual([]);
  });

  it('the renderer may import the shared contract, the core may import node built-ins', async () => {
    expect(await lint('renderer/src/probe.ts', "import { contract } from '../../electron/shared/contract.ts';\nexport const a = contract;\n")).toEqual([]);
    expect(await lint('electron/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([]);
  });
});
