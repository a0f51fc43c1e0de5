import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { axe, FIXTURES, createDemo, scratch, screen } from './helpers.ts';

// The controls the app gained for what the core already did: Cancel beside a long job's progress, the question before
// a build takes most of the site down, the site's language, own wording, withheld lines and reviews check, and CSV
// sources in the inbox's Source filter. On the demo workspace; pictures go to test-results/screens/app-*.png.
test.describe.configure({ mode: 'serial' });

const root = scratch('app-controls');
const demoDir = join(root, 'fernhill');

/** A call to the core as the page makes it (its session token): for setting up a state, not for what is tested. */
async function core(page: Page, channel: string, request: unknown): Promise<unknown> {
  return page.evaluate(async ([c, r]) => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="candor-api-token"]')!.content;
    const res = await fetch(`/api/${c}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(r) });
    return res.json() as Promise<unknown>;
  }, [channel, request] as const);
}

/** Starts an export into `folder`, past the list of what needs attention (the demo always has some). */
async function exportTo(page: Page, folder: string): Promise<void> {
  await page.getByLabel('Folder', { exact: true }).fill(folder);
  const acknowledge = page.getByRole('checkbox', { name: /I have read this list/ });
  const button = page.getByRole('button', { name: 'Export site' });
  await expect(acknowledge).toBeVisible();
  await expect(async () => {
    if (!(await acknowledge.isChecked())) await acknowledge.check();
    await expect(button).toBeEnabled({ timeout: 1000 });
  }).toPass();
  await button.click();
}

test('demo: cancel an export, the shrink question, site language and wording, CSV sources', async ({ page }) => {
  test.setTimeout(240_000);
  await createDemo(page, demoDir, 90_000);

  // A CSV import with its own source name, then the inbox's Source filter lists it.
  await page.getByRole('link', { name: /^Import/ }).click();
  await page.getByLabel('File paths').fill(join(FIXTURES, 'import/csv/messages.csv'));
  await page.getByRole('button', { name: 'Add files' }).click();
  await expect(page.getByRole('heading', { name: /Match the columns/ })).toBeVisible();
  await page.getByLabel('Source name').fill('shop-helpdesk');
  await expect(page.getByRole('button', { name: 'Import this file' })).toBeEnabled();
  await page.getByRole('button', { name: 'Import this file' }).click();
  await expect(page.getByText(/3 new conversations/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Review conversations' }).click();
  await page.getByRole('button', { name: /More filters/ }).click();
  const source = page.getByLabel('Source');
  await expect(source).toContainText('shop-helpdesk (3)');
  await source.selectOption('shop-helpdesk');
  await expect(page.getByText('3 shown')).toBeVisible();
  await screen(page, 'app-01-inbox-source-filter-csv');
  await source.selectOption('');

  // Export the site once, then a second export stopped with Cancel beside its progress.
  await page.getByRole('link', { name: /^Site/ }).click();
  await page.getByRole('tab', { name: 'Export' }).click();
  await exportTo(page, join(root, 'site'));
  await expect(page.getByText('The site is ready', { exact: true })).toBeVisible({ timeout: 120_000 });

  // A build of a few hundred conversations can finish before the click lands: then the next folder is tried.
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  const cancelled = page.getByText('Cancelled — nothing was changed');
  for (let attempt = 2; attempt < 6 && !(await cancelled.isVisible()); attempt++) {
    await exportTo(page, join(root, `site-${attempt}`));
    try {
      await expect(cancel).toBeVisible({ timeout: 5000 });
      if (attempt === 2) await screen(page, 'app-02-export-progress-cancel');
      await cancel.click({ timeout: 2000 });
      await expect(cancelled.or(page.getByText('The site is ready', { exact: true }))).toBeVisible({ timeout: 60_000 });
    } catch {
      // Finished first: try again.
    }
  }
  await expect(cancelled).toBeVisible();
  await screen(page, 'app-03-export-cancelled');

  // Most conversations withheld (set up through the core), then the same folder exported again: the app asks first.
  const published = await core(page, 'curation.search', { decision: 'publish', limit: 1 }) as { value: { total: number } };
  const ids = (await core(page, 'curation.search', { decision: 'publish', limit: Math.ceil(published.value.total * 0.7) }) as { value: { threads: { id: string }[] } }).value.threads.map((t) => t.id);
  expect(await core(page, 'curation.decide', { target: { ids }, decision: 'withhold', reason: 'other', note: 'e2e: most of the site withheld' })).toMatchObject({ ok: true });
  await exportTo(page, join(root, 'site'));
  const dialog = page.getByRole('dialog', { name: 'Most of the site would disappear' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toContainText(`The public site would lose ${ids.length.toLocaleString('en')} conversations`);
  await axe(page, 'shrink question', '.dialog');
  await screen(page, 'app-04-shrink-question');
  await dialog.getByRole('button', { name: 'Build anyway' }).click();
  await expect(page.getByText('The site is ready', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText(new RegExp(`${(published.value.total - ids.length).toLocaleString('en')} published conversations`))).toBeVisible();

  // Site settings: withheld lines, how reviews are checked, the language by its own name, own wording.
  await page.getByRole('tab', { name: 'Settings & preview' }).click();
  const lines = page.getByRole('checkbox', { name: /Show a line for each withheld conversation/ });
  await expect(lines).toBeChecked();
  await page.getByLabel('How you check that reviews are genuine (optional)').fill('We import reviews only from orders we can match to a delivery.');
  await lines.scrollIntoViewIfNeeded();
  await screen(page, 'app-05-site-settings-withheld-verification');
  await page.getByLabel('Language of the site').selectOption({ label: 'Deutsch' });
  await page.getByRole('searchbox', { name: 'Find a text on the site' }).fill('bericht');
  const table = page.getByRole('table', { name: 'Text on the site and your wording' });
  await expect(table).toContainText('Transparenzbericht');
  await table.getByRole('textbox', { name: 'Your wording for “Transparenzbericht”' }).fill('Unser offenes Buch');
  await table.scrollIntoViewIfNeeded();
  await axe(page, 'site settings', 'form[aria-label="Site settings"]');
  await screen(page, 'app-06-site-language-wording');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.frameLocator('iframe[title="Preview of the public site"]').locator('body')).toContainText('Unser offenes Buch', { timeout: 60_000 });
  await screen(page, 'app-07-site-preview-german-wording');
});
