import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { CLI_WORDS } from './cli-words.ts';

// The app is for people who never open a terminal: nothing it shows names a command (`candor import`) or a flag
// (`--format`). Checked on the renderer's own text and on the messages the core sends back to the app.

const ROOT = resolve(import.meta.dirname, '../../renderer/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** The code without its comments (which may name commands: they are for developers). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** String literals, template literals and JSX text of a source file. */
function texts(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)) out.push(m[0].slice(1, -1));
  for (const m of code.matchAll(/>([^<>{}]+)</g)) out.push(m[1]!);
  return out;
}

describe('no command-line words in the app', () => {
  it('the pattern finds commands and flags, and leaves CSS variables and prose alone', () => {
    expect(CLI_WORDS.test('Use --format <id> to choose one.')).toBe(true);
    expect(CLI_WORDS.test('Mapping file (for candor import --mapping)')).toBe(true);
    expect(CLI_WORDS.test('list them with: candor redactions <workspace>')).toBe(true);
    expect(CLI_WORDS.test('var(--accent)')).toBe(false);
    expect(CLI_WORDS.test('Candor keeps a copy of every change.')).toBe(false);
    expect(CLI_WORDS.test('2024-03-04 — 2024-03-06')).toBe(false);
  });

  it('no text in the renderer names a command or a flag', () => {
    const found = sources(ROOT).flatMap((file) => texts(withoutComments(readFileSync(file, 'utf8')))
      .filter((t) => !/^--[a-z-]+$/.test(t) && !t.includes('var(--'))
      .filter((t) => CLI_WORDS.test(t))
      .map((t) => `${file.slice(ROOT.length + 1)}: ${t}`));
    expect(found).toEqual([]);
  });

  describe('messages the core sends to the app', () => {
    const root = mkdtempSync(join(tmpdir(), 'candor-no-commands-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const core = createCore({ documentsDir: () => root });
    const message = async (channel: string, request: unknown): Promise<string> => {
      const r = await core.dispatch(channel, request);
      if (r.ok) throw new Error(`${channel} succeeded: expected a refusal`);
      return r.error.message;
    };

    it('say what to do in the app’s words', async () => {
      const strange = join(root, 'notes.txt');
      writeFileSync(strange, 'just some words, no export at all\n');
      const comments = join(root, 'comments.json');
      writeFileSync(comments, JSON.stringify({ comments: [{ id: 1, type: 'Comment', author_id: 1, body: 'Hi', public: true, created_at: '2024-01-01T00:00:00Z' }] }));
      const people = join(root, 'people.csv');
      writeFileSync(people, 'when,who,text\n2024-01-01,Jo,Hello\n');
      await core.dispatch('workspace.init', { dir: join(root, 'ws'), name: 'Acme' });
      const messages = [
        await message('workspace.open', { dir: join(root, 'nowhere') }),
        await message('imports.preview', { files: [strange], limit: 5 }),
        await message('imports.run', { files: [comments] }),
        await message('imports.run', { files: [people], format: 'csv' }),
        await message('corrections.threadKindStatus', { thread: 't_missing', kind: 'complaint' }),
        await message('corrections.messageRole', { message: 'm_missing', role: 'staff' }),
        await message('curation.accept', { threadId: 't_missing', findingId: 'f' }),
      ];
      for (const m of messages) expect(m, m).not.toMatch(CLI_WORDS);
      expect(messages[1]).toContain('Choose its format yourself');
      expect(messages[3]).toContain('needs a column mapping');
    });
  });
});
