import { defineConfig } from 'vitest/config';

// The test suite in three layers, each a Vitest project (`npx vitest run --project unit` runs one):
// - unit: pure functions and rules (claims rules, PII detectors, statistics, the build plan...): no disk, no workspace,
//   no browser; seconds in all. Add a file here when it is one.
// - browser: what runs in a browser: the React app (jsdom) and the built site loaded in Chromium (playwright-core).
// - integration: everything else: workspaces on disk, the CLI, importers on real files, whole site builds.
// The end-to-end tests (test/e2e, Playwright driving the real app) run apart: `npm run test:e2e`, and the
// 100,000-conversation one only in `npm run test:scale`.

const UNIT = [
  'test/claims/rules/**/*.test.ts',
  'test/claims/lint.test.ts',
  'test/claims/progress.test.ts',
  'test/core/memo.test.ts',
  'test/core/rules.test.ts',
  'test/curation/detectors.test.ts',
  'test/curation/pure.test.ts',
  'test/importers/html.test.ts',
  'test/importers/jwz.test.ts',
  'test/importers/values.test.ts',
  'test/site/bias-check.test.ts',
  'test/site/brand-colors.test.ts',
  'test/site/figures.test.ts',
  'test/site/markdown.test.ts',
  'test/site/pins.test.ts',
  'test/site/plan.test.ts',
];
const BROWSER = [
  'test/renderer/**/*.test.{ts,tsx}',
  'test/site/browser-safety.test.ts',
  'test/site/branding-browser.test.ts',
  'test/site/quality-*.test.ts',
  'test/site/i18n-browser.test.ts',
  'test/site/search-filters-browser.test.ts',
  'test/site/search-languages-browser.test.ts',
];
const EXCLUDE = ['test/e2e/**', 'node_modules/**'];

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default is one worker fewer than the CPUs: on CI's 2 cores that is one test file at a time, while most
    // integration files wait on disk, SQLite and child processes. Two workers keep both cores busy.
    maxWorkers: 2,
    hookTimeout: 60_000,
    projects: [
      // The unit files touch no disk and no global state, so they share one module registry per worker (isolate: false)
      // instead of re-importing zod, the rules and their tables for every file.
      { extends: true, test: { name: 'unit', include: UNIT, exclude: EXCLUDE, testTimeout: 10_000, isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.{ts,tsx}'], exclude: [...EXCLUDE, ...UNIT, ...BROWSER], testTimeout: 30_000 } },
      { extends: true, test: { name: 'browser', include: BROWSER, exclude: EXCLUDE, testTimeout: 60_000 } },
    ],
  },
});
