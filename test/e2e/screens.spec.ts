import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createDemo, scratch, screen, toWelcome } from './helpers.ts';

// Every screen with real data (the demo workspace: a few hundred conversations and a dozen claims), in light and in
// dark, plus the states people meet when something is missing or wrong. Pictures go to test-results/screens/.
test.describe.configure({ mode: 'serial' });

const root = scratch('screens');
const demoDir = join(root, 'fernhill');

async function openDemo(page: Page): Promise<void> {
  await toWelcome(page);
  await page.locator('.recent-item', { hasText: demoDir }).getByRole('button', { name: /^Fernhill Outfitters/ }).click();
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
}

test('errors and empty states say what happened and what to do', async ({ page }) => {
  await toWelcome(page);
  await page.getByRole('button', { name: 'Open workspace…' }).click();
  await page.getByLabel('Workspace folder').fill(join(root, 'no-such-folder'));
  await page.getByRole('button', { name: 'Open workspace', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('is not a Candor workspace');
  await screen(page, '30-error-open-workspace');
});

test('the demo workspace: inbox, filters, keyboard, personal data, claims, site, audit', async ({ page }) => {
  test.setTimeout(90_000);
  await createDemo(page, demoDir);
  await expect(page.locator('.sidebar-ws-name')).toContainText('Fernhill Outfitters');
  await screen(page, '31-demo-inbox');

  // Keyboard: j/k move the selection and the conversation follows.
  const list = page.getByRole('listbox', { name: 'Conversations' });
  const selected = () => list.locator('[aria-current="true"]').getAttribute('aria-posinset');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect.poll(selected).toBe('2');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect.poll(selected).toBe('2');

  // Filters with counts.
  await page.getByRole('button', { name: /More filters/ }).click();
  await expect(page.getByLabel('Kind')).toContainText(/Complaint \(\d+\)/);
  await page.getByLabel('Kind').selectOption('complaint');
  await page.getByRole('checkbox', { name: /Only with personal data to review/ }).check();
  await screen(page, '32-inbox-filters');
  await page.getByRole('checkbox', { name: /Only with personal data to review/ }).uncheck();
  await page.getByLabel('Kind').selectOption('');
  await page.locator('.filter-bar').getByRole('button', { name: /^To review/ }).click();
  await list.getByRole('option').first().click();
  await expect(page.locator('.pii-panel')).toBeVisible();
  await screen(page, '33-thread-personal-data');

  await page.getByRole('link', { name: /^Claims/ }).click();
  await expect(page.locator('.claim-row').first()).toBeVisible();
  await screen(page, '34-claims-list');
  await page.locator('.claim-row', { hasText: /to fix|warning/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Revision history' })).toBeVisible();
  await screen(page, '35-claim-findings');
  await page.getByRole('heading', { name: 'Revision history' }).scrollIntoViewIfNeeded();
  await screen(page, '36-claim-history');

  await page.getByRole('link', { name: /^Site/ }).click();
  await expect(page.frameLocator('iframe[title="Preview of the public site"]').locator('body')).toContainText('Fernhill');
  await screen(page, '37-demo-site-preview');

  await page.getByRole('link', { name: /^Audit log/ }).click();
  await page.getByRole('button', { name: 'Details' }).first().click();
  await screen(page, '38-demo-audit-log');

  await page.getByRole('link', { name: /^Import/ }).click();
  await screen(page, '39-import-empty');
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');
});

test('dark appearance, every screen', async ({ page }) => {
  test.setTimeout(60_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDemo(page);
  await page.getByRole('link', { name: /^Conversations/ }).click();
  await expect(page.getByRole('listbox', { name: 'Conversations' })).toBeVisible();
  await screen(page, 'dark-01-inbox');
  await page.locator('.filter-bar').getByRole('button', { name: /^Published/ }).click();
  await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click();
  await screen(page, 'dark-02-thread');
  await page.keyboard.press('v');
  await screen(page, 'dark-03-published-view');
  await page.keyboard.press('v');
  await page.keyboard.press('w');
  await screen(page, 'dark-04-withhold-dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: /^Import/ }).click();
  await screen(page, 'dark-05-import');
  await page.getByRole('link', { name: /^Claims/ }).click();
  await page.locator('.claim-row', { hasText: /to fix|warning/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Revision history' })).toBeVisible();
  await screen(page, 'dark-06-claim');
  await page.getByRole('link', { name: /^Site/ }).click();
  await expect(page.frameLocator('iframe[title="Preview of the public site"]').locator('body')).toContainText('Fernhill');
  await screen(page, 'dark-07-site');
  await page.getByRole('tab', { name: 'Export' }).click();
  await screen(page, 'dark-08-site-export');
  await page.getByRole('link', { name: /^Audit log/ }).click();
  await screen(page, 'dark-09-audit');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await screen(page, 'dark-10-help');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Close workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Candor' })).toBeVisible();
  await screen(page, 'dark-11-welcome');
});
