import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURES, scratch, screen, toWelcome } from './helpers.ts';

// Issue 16 point 1 in the real app: importing many claims shows how far it is, phase by phase, with Cancel beside it,
// and a cancelled import stores nothing; the same file then imports whole. The claims are the real fixture's
// (test/fixtures/claims/claims.json and its evidence files) 400 times over under new ids, so the import takes long
// enough to be seen and stopped. Pictures: test-results/screens/claims-import-*.png.

const root = scratch('claims-import');
const COPIES = 400;

/** The fixture's claims COPIES times over, beside a copy of its evidence folder (the paths in it stay valid). */
function bigClaimsFile(): { file: string; claims: number } {
  const { claims } = JSON.parse(readFileSync(join(FIXTURES, 'claims/claims.json'), 'utf8')) as { claims: { id: string }[] };
  cpSync(join(FIXTURES, 'claims/evidence'), join(root, 'evidence'), { recursive: true });
  const many = Array.from({ length: COPIES }, (_, n) => claims.map((c) => ({ ...c, id: `${c.id}-${n + 1}` }))).flat();
  const file = join(root, 'claims.json');
  writeFileSync(file, JSON.stringify({ claims: many }));
  return { file, claims: many.length };
}

test('claims import: progress with Cancel, nothing stored when cancelled, then the whole file', async ({ page }) => {
  test.setTimeout(180_000);
  const { file, claims } = bigClaimsFile();
  await toWelcome(page);
  await page.getByRole('button', { name: 'Create workspace…' }).click();
  await page.getByLabel('Organisation name').fill('Northwind Home & Outdoor');
  await page.getByLabel('Workspace folder').fill(join(root, 'ws'));
  await page.getByRole('button', { name: 'Create workspace', exact: true }).click();
  await page.getByRole('link', { name: /^Claims/ }).click();
  await expect(page.getByRole('heading', { name: 'No claims yet' })).toBeVisible();

  const dialog = page.getByRole('dialog', { name: 'Import claims' });
  await page.getByRole('button', { name: 'Import…' }).click();
  await dialog.getByLabel('Claims file').fill(file);
  await dialog.getByRole('button', { name: 'Import' }).click();
  const bar = dialog.getByRole('progressbar', { name: /Reading the claims|Hashing the evidence files/ });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText(/^[\d,]+ of [\d,]+ (claims|files)$/)).toBeVisible();
  await screen(page, 'claims-import-01-progress');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Cancelled — nothing was changed')).toBeVisible({ timeout: 30_000 });
  await screen(page, 'claims-import-02-cancelled');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'No claims yet' })).toBeVisible();

  // The same file again, to its end: every claim is in.
  await page.getByRole('button', { name: 'Import…' }).click();
  await dialog.getByLabel('Claims file').fill(file);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByText(`${claims.toLocaleString('en')} new claims, 0 updated claims.`)).toBeVisible({ timeout: 120_000 });
  await dialog.getByText('Close', { exact: true }).click();
  // The list shows them (each claim checked against the rules as it is listed).
  await expect(page.getByRole('link', { name: /Recycled shampoo bottle/ }).first()).toBeVisible({ timeout: 60_000 });
  await screen(page, 'claims-import-03-done');
});
