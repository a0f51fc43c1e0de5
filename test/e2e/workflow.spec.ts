import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURES, scratch, screen, selectText, toWelcome } from './helpers.ts';

// The whole job, as a support or sustainability person does it, through the browser harness (npm run web):
// create a workspace → import a Zendesk export and a CSV with a column mapping → redact and publish two
// conversations, withhold one with a reason → add a claim, see a lint error, fix it → export the site → open the
// exported site and find the published conversations and not the withheld one.
test.describe.configure({ mode: 'serial' });

const root = scratch('workflow');
const workspaceDir = join(root, 'northwind');
const siteDir = join(root, 'site');

test('the whole workflow, from an empty workspace to an exported site', async ({ page }) => {
  test.setTimeout(120_000);
  await toWelcome(page);

  // Welcome → create a workspace (the harness has no native dialogs: the folder is typed).
  await expect(page.getByRole('heading', { name: 'Welcome to Candor' })).toBeVisible();
  await screen(page, '01-welcome');
  await page.getByRole('button', { name: 'Create workspace…' }).click();
  await page.getByLabel('Organisation name').fill('Northwind Outdoor Ltd');
  await page.getByLabel('Workspace folder').fill(workspaceDir);
  await screen(page, '02-create-workspace');
  await page.getByRole('button', { name: 'Create workspace', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'No conversations yet' })).toBeVisible();
  await screen(page, '03-inbox-empty');

  // Import the Zendesk export: detected, previewed, imported, internal notes kept internal.
  await page.getByRole('button', { name: 'Import conversations' }).click();
  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
  await screen(page, '04-import-choose');
  await page.getByLabel('File paths').fill(join(FIXTURES, 'import/zendesk/tickets.json'));
  await page.getByRole('button', { name: 'Add files' }).click();
  await expect(page.getByRole('list', { name: 'Files to import' })).toContainText('Zendesk');
  await expect(page.getByRole('table').first()).toContainText('Kettle arrived with a cracked lid');
  await screen(page, '05-import-zendesk-preview');
  await page.getByRole('button', { name: 'Import this file' }).click();
  await expect(page.getByText('Import finished')).toBeVisible();
  await expect(page.getByText(/3 new conversations/)).toBeVisible();
  await expect(page.getByText(/2 internal notes, kept internal/)).toBeVisible();
  await screen(page, '06-import-zendesk-done');

  // Import a CSV: the mapping step guesses the columns; the preview follows the choices.
  await page.getByRole('button', { name: 'Import more files' }).click();
  await page.getByLabel('File paths').fill(join(FIXTURES, 'import/csv/messages.csv'));
  await page.getByRole('button', { name: 'Add files' }).click();
  await expect(page.getByRole('heading', { name: /Match the columns/ })).toBeVisible();
  await expect(page.getByLabel(/Conversation id/)).toHaveValue('Ticket');
  await expect(page.getByLabel('Text is written as')).toHaveValue('html');
  await page.getByLabel('Source name').fill('shop-helpdesk');
  await page.getByRole('checkbox', { name: 'Order number' }).check();
  const preview = page.getByRole('table').filter({ hasText: 'First message' });
  await expect(preview).toContainText('Missing order');
  await expect(preview).toContainText('My order never arrived.');
  await screen(page, '07-import-csv-mapping');
  await page.getByRole('button', { name: 'Import this file' }).click();
  await expect(page.getByText(/3 new conversations/)).toBeVisible();
  await screen(page, '08-import-csv-done');

  // The inbox: six conversations; search; keyboard.
  await page.getByRole('button', { name: 'Review conversations' }).click();
  await expect(page.getByText('6 shown')).toBeVisible();
  await screen(page, '09-inbox');

  // 1. "Kettle arrived with a cracked lid": an internal note is marked; redact the order number by selecting it.
  await page.keyboard.press('/');
  await page.keyboard.type('kettle');
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 shown')).toBeVisible();
  await page.getByRole('option', { name: /Kettle arrived/ }).click();
  const thread = page.getByRole('article', { name: /Kettle arrived/ });
  await expect(thread.getByText('Internal — never published').first()).toBeVisible();
  await expect(thread.locator('.finding', { hasText: 'Customer’s name' })).toContainText('Removed automatically');
  await selectText(thread.locator('[data-location^="message:"]').first(), '#A-20931');
  await expect(page.getByRole('region', { name: 'Selected text' })).toContainText('#A-20931');
  await screen(page, '10-thread-redact-selection');
  await page.getByRole('button', { name: 'Remove from published view' }).click();
  await expect(thread.locator('.finding', { hasText: '#A-20931' })).toContainText('Removed');
  await screen(page, '11-thread');
  await page.keyboard.press('v');
  const published = page.getByRole('article', { name: 'Published view' });
  await expect(published).toContainText('[removed]');
  await expect(published).not.toContainText('#A-20931');
  await expect(published).not.toContainText('Maria');
  await expect(published).not.toContainText('Internal');
  await screen(page, '12-published-view');
  await page.keyboard.press('v');
  await page.keyboard.press('p');
  await expect(thread.locator('.decision-bar')).toContainText('Published');

  // 2. "Missing order" (from the CSV): the customer's name is removed automatically; publish with the button.
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('order');
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: /Missing order/ }).click();
  const second = page.getByRole('article', { name: /Missing order/ });
  await expect(second.locator('.finding', { hasText: 'Rosa' })).toContainText('Removed automatically');
  await second.getByRole('button', { name: 'Publish', exact: true }).click();
  // After a decision the next conversation opens; the list shows the decision.
  await expect(page.getByRole('option', { name: /Missing order/ })).toContainText('Published');

  // 3. "Where is my parcel?": withhold with a reason (w asks for it).
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');
  await page.getByRole('option', { name: /Where is my parcel/ }).click();
  await page.getByRole('listbox', { name: 'Conversations' }).focus();
  await page.keyboard.press('w');
  const dialog = page.getByRole('dialog', { name: 'Withhold this conversation' });
  await dialog.getByLabel('Reason').selectOption('privacy-request');
  await dialog.getByLabel(/Note/).fill('Customer asked us not to publish.');
  await screen(page, '13-withhold-dialog');
  await dialog.getByRole('button', { name: 'Withhold' }).click();
  await expect(page.getByRole('option', { name: /Where is my parcel/ })).toContainText('Withheld');
  await page.getByRole('option', { name: /Where is my parcel/ }).click();
  const third = page.getByRole('article', { name: /Where is my parcel/ });
  await expect(third.locator('.decision-bar')).toContainText('Withheld');
  await expect(third.locator('.decision-bar')).toContainText('The customer asked for privacy');
  await page.locator('.filter-bar').getByRole('button', { name: /^Published/ }).click();
  await expect(page.getByText('2 shown')).toBeVisible();
  await screen(page, '14-inbox-published-filter');

  // The keyboard help.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await screen(page, '15-help-overlay');
  await page.keyboard.press('Escape');

  // Claims: a generic claim fails the check; making it specific and attaching evidence fixes it.
  await page.getByRole('link', { name: /^Claims/ }).click();
  await expect(page.getByRole('heading', { name: 'No claims yet' })).toBeVisible();
  await screen(page, '16-claims-empty');
  await page.getByRole('button', { name: 'New claim' }).first().click();
  await page.getByLabel('Title').fill('Recycled bottle');
  await page.getByLabel('Statement').fill('Our water bottle is eco-friendly.');
  const editor = page.getByRole('form', { name: 'Claim' });
  await expect(editor.locator('.lint-error').first()).toContainText('eco-friendly');
  await expect(editor.getByText('GC-GENERIC-TERM')).toBeVisible();
  await expect(page.getByText('This is a check, not legal advice.')).toBeVisible();
  await screen(page, '17-claim-lint-error');
  await page.getByLabel('Statement').fill('The body of our water bottle is made with 50% recycled plastic by weight.');
  // The title is the public page's heading and is checked too: "Recycled bottle" would overstate a claim about part of it.
  await page.getByLabel('Title').fill('Bottle body: 50% recycled plastic');
  await page.getByLabel('Category').selectOption('recycled_content');
  await page.getByLabel('Scope').selectOption('part');
  await page.getByLabel('Which product, part or site').fill('bottle body');
  await page.getByLabel('Metric', { exact: true }).fill('recycled content');
  await page.getByLabel('Unit', { exact: true }).fill('%');
  await page.getByLabel('Current value').fill('50');
  await page.getByLabel('Current as of').fill('2026-01-01');
  await page.getByLabel('Uses carbon credits (offsets)?').selectOption('no');
  await page.getByRole('button', { name: 'Attach evidence…' }).click();
  const evidence = page.locator('.evidence-form');
  await evidence.getByLabel('Type').selectOption('audit');
  await evidence.getByLabel('Title', { exact: true }).fill('Recycled content audit 2026');
  await evidence.getByLabel('Issued by', { exact: true }).fill('SGS');
  await evidence.getByLabel('What it covers').fill('recycled content, bottle body');
  await evidence.getByLabel('Valid until').fill('2030-12-31');
  // Evidence starts as not independent: SGS is a third party, so say so.
  await evidence.getByLabel('Issued by an independent third party').check();
  await evidence.getByLabel('File', { exact: true }).fill(join(FIXTURES, 'claims/evidence/sgs-recycled-content-audit-2026.txt'));
  await evidence.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.locator('.lint-banner')).not.toContainText('must be fixed');
  await screen(page, '18-claim-fixed');
  await page.getByRole('button', { name: 'Create claim' }).click();
  await expect(page.getByText('Claim created as a draft.')).toBeVisible();
  await page.getByRole('button', { name: 'Send for review' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('button', { name: 'Publish' }).click();
  // Publishing asks first, and says what the check found.
  const confirm = page.getByRole('dialog', { name: /^Publish “Bottle body/ });
  await expect(confirm).toContainText('The check found nothing.');
  await confirm.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published as revision 1.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Revision history' })).toBeVisible();
  await expect(page.locator('.revision-list .revision').first()).toContainText('Revision 1');
  await screen(page, '19-claim-published');

  // The site: settings and the live preview, then the export.
  await page.getByRole('link', { name: /^Site/ }).click();
  await page.getByLabel('Moderation policy').fill('We withhold conversations only when a customer asks us to, or for legal reasons.');
  // The organisation's header colour, saved with the workspace and checked on the exported site below.
  await page.getByLabel('Header background', { exact: true }).fill('#1d3557');
  await expect(page.getByRole('list', { name: 'Contrast of the chosen colours' })).toContainText('passes WCAG 2.2 AA');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Site settings saved.')).toBeVisible();
  const frame = page.frameLocator('iframe[title="Preview of the public site"]');
  await expect(frame.locator('body')).toContainText('Northwind Outdoor Ltd');
  await screen(page, '20-site-preview');
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByLabel('Folder').fill(siteDir);
  // Three conversations are still waiting: the check before export says so, and the export waits until it is read.
  await expect(page.getByRole('list', { name: 'What needs attention' })).toContainText('3 conversations waiting for a decision');
  await page.getByRole('checkbox', { name: /I have read this list/ }).check();
  await screen(page, '21-site-export');
  await page.getByRole('button', { name: 'Export site' }).click();
  await expect(page.getByText('The site is ready').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/2 published conversations, 1 withheld conversation/)).toBeVisible();
  await screen(page, '22-site-exported');

  // Audit log: the decisions and the claim's steps are there.
  await page.getByRole('link', { name: /^Audit log/ }).click();
  await expect(page.getByRole('table')).toContainText('Claim published');
  await screen(page, '23-audit-log');

  // Open the exported site (the harness serves the last export at /preview/): published yes, withheld no.
  const popup = page.waitForEvent('popup');
  await page.getByRole('link', { name: /^Site/ }).click();
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByLabel('Folder').fill(siteDir);
  await page.getByRole('checkbox', { name: /I have read this list/ }).check();
  await page.getByRole('button', { name: 'Export site' }).click();
  await page.getByRole('link', { name: 'Open in browser' }).click();
  const site = await popup;
  await site.waitForLoadState();
  await expect(site.locator('body')).toContainText('Northwind Outdoor Ltd');
  await expect(site.locator('.site-header')).toHaveCSS('background-color', 'rgb(29, 53, 87)');
  await site.getByRole('link', { name: 'Conversations', exact: true }).first().click();
  await expect(site.locator('main')).toContainText('Kettle arrived with a cracked lid');
  await expect(site.locator('main')).toContainText('Missing order');
  await expect(site.locator('main')).not.toContainText('Where is my parcel?');
  await site.screenshot({ path: join(import.meta.dirname, '../../test-results/screens/24-exported-site.png') });
  await site.close();

  // And the same on disk, in the open data every reader can download.
  const data = JSON.parse(readFileSync(join(siteDir, 'data/threads.json'), 'utf8')) as { threads: { subject: string; messages: { body: string }[] }[] };
  const subjects = data.threads.map((t) => t.subject).sort();
  expect(subjects).toEqual(['Kettle arrived with a cracked lid', 'Missing order']);
  const text = JSON.stringify(data);
  expect(text).not.toContain('#A-20931');
  expect(text).not.toContain('Where is my parcel?');
  expect(text).not.toContain('Reshipped via DHL');
});
