import { chromium } from 'playwright-core';
import { serveSite } from '../../electron/core/site/serve.ts';
const [dir, outPrefix, ...paths] = process.argv.slice(2);
const srv = await serveSite(dir!);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const widths = (process.env.WIDTH ?? '1280').split(',').map(Number);
for (const w of widths) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  for (const p of paths) {
    await page.goto(srv.url + p);
    const name = `${outPrefix}-${w}-${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: name, fullPage: process.env.FULL !== '0' });
    console.log(name);
  }
  await page.close();
}
await browser.close();
await srv.close();
