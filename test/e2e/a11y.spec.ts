import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { inPage, scratch, toWelcome } from './helpers.ts';

// WCAG 2.2 AA on every main screen, light and dark, with axe-core (contrast, labels, roles, names).
test.describe.configure({ mode: 'serial' });
const root = scratch('a11y');

async function check(page: Page, where: string, only?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (only) builder.include(only);
  const results = await inPage(builder)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    // The site preview is the site's own page, checked by the site's tests.
    .exclude('iframe')
    .analyze();
  const problems = results.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n  ')}`);
  expect(problems, problems.join('\n')).toEqual([]);
}

test('every screen meets WCAG 2.2 AA, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  await toWelcome(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await check(page, `${scheme} welcome`);
  }
  await page.getByRole('button', { name: 'Open the demo…' }).click();
  await check(page, 'dark demo dialog', '[role="dialog"]');
  await page.getByLabel(/Folder for the demo/).fill(join(root, 'demo'));
  await page.getByRole('button', { name: 'Create and open the demo' }).click();
  await expect(page.getByRole('listbox', { name: 'Conversations' })).toBeVisible({ timeout: 60_000 });

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('link', { name: /^Conversations/ }).click();
    await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').nth(1).click();
    await expect(page.locator('.pii-panel')).toBeVisible();
    if (scheme === 'light') await page.getByRole('button', { name: /More filters/ }).click();
    await check(page, `${scheme} inbox and thread`);
    await page.keyboard.press('v');
    await expect(page.getByRole('article', { name: 'Published view' })).toBeVisible();
    await check(page, `${scheme} published view`);
    await page.keyboard.press('v');
    await page.getByRole('link', { name: /^Import/ }).click();
    await check(page, `${scheme} import`);
    await page.getByRole('link', { name: /^Claims/ }).click();
    await page.locator('.claim-row', { hasText: /to fix/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Revision history' })).toBeVisible();
    await check(page, `${scheme} claim editor`);
    await page.getByRole('link', { name: /^Site/ }).click();
    await check(page, `${scheme} site settings`);
    // Colours typed in: the contrast results and the colour fields must meet AA too (nothing is saved).
    await page.getByLabel('Accent colour', { exact: true }).fill('#0b4f8a');
    await page.getByLabel('Header background', { exact: true }).fill('#1d3557');
    await expect(page.getByRole('list', { name: 'Contrast of the chosen colours' })).toContainText('passes WCAG 2.2 AA');
    await check(page, `${scheme} site settings with colours`);
    await page.getByRole('button', { name: 'Undo changes' }).click();
    await page.getByRole('tab', { name: 'Export' }).click();
    await check(page, `${scheme} site export`);
    await page.getByRole('link', { name: /^Audit log/ }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await check(page, `${scheme} audit log`);
    await page.keyboard.press('?');
    await check(page, `${scheme} help`, '[role="dialog"]');
    await page.keyboard.press('Escape');
  }
});
