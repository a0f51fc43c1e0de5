// Renders build/icon.svg to the PNG sizes the installers and the window need (run once after changing the SVG):
//   node build/make-icons.ts
// electron-builder derives .icns (macOS) and .ico (Windows) from build/icon.png.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
mkdirSync(new URL('./icons', import.meta.url), { recursive: true });
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  writeFileSync(new URL(`./icons/${size}x${size}.png`, import.meta.url), png);
  if (size === 1024) writeFileSync(new URL('./icon.png', import.meta.url), png);
  if (size === 256) writeFileSync(new URL('../renderer/public/icon.png', import.meta.url), png);
}
await browser.close();
console.log(`Wrote ${sizes.length} icon sizes.`);
