import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// `npm run test:scale`: the 100,000-conversation end-to-end test alone (several minutes: it imports 100,000
// threads through the app, then scrolls, searches and jumps through the inbox). Run it before each release.
export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: ['scale.spec.ts'],
});
