import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type AxeBuilder from '@axe-core/playwright';

export const REPO = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(REPO, 'test/fixtures');
export const SCREENS = join(REPO, 'test-results/screens');

/** A fresh folder for this run (workspaces and exported sites live outside the repository). */
export function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `candor-e2e-${name}-`));
}

/** Every screen is saved as a test artifact: test-results/screens/<name>.png. */
export async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  // Let transitions and debounced checks settle so the picture shows what a person sees.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

/** Selects `text` inside `container` the way a mouse drag would, then releases the mouse there. */
export async function selectText(container: Locator, text: string): Promise<void> {
  await container.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let full = '';
    const nodes: { node: Text; start: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: full.length });
      full += (n as Text).data;
    }
    const at = full.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in: ${full}`);
    const locate = (offset: number) => {
      const hit = [...nodes].reverse().find((x) => x.start <= offset)!;
      return { node: hit.node, offset: offset - hit.start };
    };
    const a = locate(at);
    const b = locate(at + wanted.length);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, text);
}

/** The welcome screen, whatever an earlier test left open (the harness keeps one core for the whole run). */
export async function toWelcome(page: Page): Promise<void> {
  await page.goto('/');
  const welcome = page.getByRole('heading', { name: 'Welcome to Candor' });
  await expect(welcome.or(page.getByRole('navigation', { name: 'Main' }))).toBeVisible();
  if (!(await welcome.isVisible())) {
    await page.getByRole('button', { name: 'Close workspace' }).click();
    await expect(welcome).toBeVisible();
  }
}

/** From the welcome screen, creates the demo workspace in `dir` and waits for its inbox. */
export async function createDemo(page: Page, dir: string, timeout = 60_000): Promise<void> {
  await toWelcome(page);
  await page.getByRole('button', { name: 'Open the demo…' }).click();
  await page.getByLabel(/Folder for the demo/).fill(dir);
  await page.getByRole('button', { name: 'Create and open the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible({ timeout });
}

/**
 * axe run in the page itself (legacy mode: no blank page opened per call to merge results from frames, and the only
 * frame, the site preview, is excluded) with only the violations described in full: the same rules, the same
 * violations, a fraction of the time. Call before withTags: `options` replaces the rules chosen so far.
 */
export function inPage(builder: AxeBuilder): AxeBuilder {
  return builder.options({ resultTypes: ['violations'] }).setLegacyMode();
}

/** WCAG 2.2 AA with axe-core on the page (or one part of it); the site preview frame is the site's own page. */
export async function axe(page: Page, where: string, only?: string): Promise<void> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const builder = new AxeBuilder({ page });
  if (only) builder.include(only);
  const results = await inPage(builder).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).exclude('iframe').analyze();
  const problems = results.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n  ')}`);
  expect(problems, problems.join('\n')).toEqual([]);
}
