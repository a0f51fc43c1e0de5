import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import S3rver from 's3rver';
import { createDemo, scratch, screen } from './helpers.ts';

// The Publish button: a support lead adds her storage, enters its keys, and puts the exported demo site online,
// against a real S3-compatible server (s3rver) on loopback.

let server: S3rver;
let endpoint: string;
const puts: string[] = [];

test.beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: scratch('s3'), configureBuckets: [{ name: 'fernhill-site', configs: [] }] });
  server.on('event', (e) => {
    for (const r of e.Records) if (r.eventName.startsWith('ObjectCreated')) puts.push(decodeURIComponent(r.s3.object.key));
  });
  endpoint = `http://127.0.0.1:${(await server.run()).port}`;
});

test.afterAll(async () => {
  await server?.close();
});

test('publishing the exported demo site to S3-compatible storage from the Site screen', async ({ page }) => {
  test.setTimeout(150_000);
  const dir = scratch('publish');
  await createDemo(page, join(dir, 'demo'));

  await page.getByRole('link', { name: /^Site/ }).click();
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'No place to publish yet' })).toBeVisible();
  await page.getByLabel('Folder').first().fill(join(dir, 'site'));
  // The demo has conversations waiting for review: the check before export lists them, and export waits until read.
  await page.getByRole('checkbox', { name: /I have read this list/ }).check();
  await page.getByRole('button', { name: 'Export site' }).click();
  await expect(page.getByText('The site is ready', { exact: true })).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Add a target' }).click();
  const form = page.getByRole('form', { name: 'Add a publish target' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('fernhill-r2');
  await form.getByRole('textbox', { name: 'Bucket', exact: true }).fill('fernhill-site');
  await form.getByLabel('Endpoint (optional)').fill(endpoint);
  await form.getByLabel('Public address (optional)').fill('https://transparency.fernhill.example/');
  await screen(page, '40-publish-add-target');
  await form.getByRole('button', { name: 'Add target' }).click();

  const panel = page.getByRole('region', { name: 'Publish online' });
  await expect(panel.getByText('Enter access key id and secret access key above before publishing.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await panel.getByLabel('Access key ID').fill('S3RVER');
  await panel.getByLabel('Secret access key').fill('S3RVER');
  await panel.getByRole('button', { name: 'Save credentials' }).click();
  await expect(panel.getByText('Saved.').first()).toBeVisible();
  await expect(panel.getByLabel('Site folder')).toHaveValue(join(dir, 'site'));

  await panel.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(panel.getByText(/changed files uploaded .* with the manifest, 0 old files removed, 0 unchanged\. The manifest and \d+ files were read back and match\./)).toBeVisible({ timeout: 60_000 });
  expect(puts.at(-1)).toBe('manifest.json');
  await expect(panel.getByText(/fernhill-r2 · Object storage|last published/).first()).toBeVisible();
  await panel.getByRole('heading', { name: 'Published' }).or(panel.getByText('Published', { exact: true })).first().scrollIntoViewIfNeeded();
  await screen(page, '41-publish-done');

  await panel.getByRole('button', { name: 'What would change?' }).click();
  await expect(panel.getByText('Nothing: the copy online is up to date.')).toBeVisible({ timeout: 30_000 });
});
