// Lint enforces the room boundaries from DEVELOPERS.md: the core never imports electron,
// the renderer never imports electron or Node built-ins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts', 'static-templates/**/assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**', 'electron/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The core, CLI and shared contract never import electron: register core handlers from electron/main instead.' }],
        patterns: [{ group: ['electron/*', '**/electron/main/**', '**/electron/preload/**'], message: 'The core never imports the Electron shell.' }],
      }],
    },
  },
  {
    // Files under ~400 lines, functions under ~80 (DEVELOPERS.md): held to here for the site builder, the CLI, the demo
    // and the claims linter; a function that only returns a table of data (the demo's claims) is not code, and is named here.
    files: ['electron/core/site/**', 'electron/cli/**', 'electron/core/demo/**', 'electron/core/static-files.ts', 'electron/core/version.ts', 'electron/core/memo.ts',
      'electron/core/claims/**'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer reaches the app only through the typed contract (window.candor.invoke).' },
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs sandboxed: no Node built-ins.' })),
        ],
        patterns: [{ group: ['**/electron/core/**', '**/electron/main/**'], message: 'The renderer may import only electron/shared (the contract).' }],
      }],
    },
  },
);
