import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandorError } from '../../electron/core/errors.ts';
import { buildSite } from '../../electron/core/site/build.ts';
import { readManifest, verifySite } from '../../electron/core/site/manifest.ts';
import { changeSiteSettings, clearSiteLogo, readSiteSettings, setSiteLogo, updateSiteSettings } from '../../electron/core/site/settings.ts';
import { listAudit } from '../../electron/core/store/audit.ts';
import { openWorkspace, readWorkspaceMeta } from '../../electron/core/workspace.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { fixtureThreads, htmlPages, listFiles, png, siteWorkspace, snapshot } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// Site settings as a person changes them (organisation, theme, address, colours, logo) and what the built site then
// shows: saved values used unless a flag says otherwise, the colours and logo published as files in the manifest,
// pages re-rendered when they change, the same bytes for the same state, and still no inline style or script.

function refused(fn: () => unknown): CandorError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CandorError) return err;
    throw err;
  }
  throw new Error('expected a CandorError');
}

let fx: SiteWorkspace;
let ws: Workspace;
beforeEach(async () => {
  fx = await siteWorkspace(fixtureThreads(4).threads, {}, 'Acme & Sons');
  ws = openWorkspace(fx.dir, { actor: 'tester' });
});
afterEach(() => {
  ws.close();
  fx.cleanup();
});

const siteAudit = () => listAudit(ws.db, { entityType: 'site' });

describe('site settings: validation and audit', () => {
  it('starts from the workspace’s name, the default theme and no colours or logo', () => {
    expect(readSiteSettings(ws)).toEqual({
      organisation: 'Acme & Sons', intro: null, policy: null, url: null, theme: 'default', baseUrl: null,
      colors: { accent: null, header: null, headerText: null }, logo: null, verification: null, withheldPlaceholders: true, language: 'en', strings: {}, stringsByLanguage: {},
    });
  });

  it('keeps the reviews policy\'s check text and the withheld placeholders switch, audited', () => {
    updateSiteSettings(ws, { verification: 'We ask every reviewer for their *order number*.', withheldPlaceholders: false });
    expect(readSiteSettings(ws)).toMatchObject({ verification: 'We ask every reviewer for their *order number*.', withheldPlaceholders: false });
    updateSiteSettings(ws, { verification: '', withheldPlaceholders: true });
    expect(readSiteSettings(ws)).toMatchObject({ verification: null, withheldPlaceholders: true });
  });

  it('saves theme, address and colours in one audited change, normalised', () => {
    const saved = updateSiteSettings(ws, { theme: 'ledger', baseUrl: ' https://transparency.acme.example/reports?x=1#top ', colors: { accent: '#0B4F8A', header: '#1d3557' } });
    expect(saved).toMatchObject({ theme: 'ledger', baseUrl: 'https://transparency.acme.example/reports/', colors: { accent: '#0b4f8a', header: '#1d3557', headerText: null } });
    const entries = siteAudit();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'tester', action: 'site.settings', entityId: 'settings', before: { theme: 'default', colors: { accent: null } }, after: { theme: 'ledger', colors: { accent: '#0b4f8a' } } });
    // Saving the same values again records nothing.
    updateSiteSettings(ws, { theme: 'ledger' });
    expect(siteAudit()).toHaveLength(1);
    // A blank colour goes back to the theme's own.
    expect(updateSiteSettings(ws, { colors: { accent: '' } }).colors).toEqual({ accent: null, header: '#1d3557', headerText: null });
  });

  it('refuses a colour whose text contrast would fall below 4.5:1, naming the field and the ratio, and changes nothing', () => {
    const err = refused(() => updateSiteSettings(ws, { intro: 'Hello', colors: { accent: '#88aaff' } }));
    expect(err.code).toBe('LOW_CONTRAST');
    expect(err.location?.field).toBe('colors.accent');
    expect(err.message).toMatch(/^Accent colour #88aaff: links and headings on the page background \(#88aaff on #[0-9a-f]{6}\) would have a contrast ratio of 2\.\d\d:1; WCAG 2\.2 AA needs at least 4\.5:1/);
    expect(readSiteSettings(ws)).toMatchObject({ intro: null, colors: { accent: null } });
    expect(siteAudit()).toHaveLength(0);

    const header = refused(() => updateSiteSettings(ws, { colors: { header: '#dddddd', headerText: '#bbbbbb' } }));
    expect(header).toMatchObject({ code: 'LOW_CONTRAST', location: { field: 'colors.headerText' } });
    expect(header.message).toContain('Header text colour #bbbbbb');
    expect(header.message).toContain('1.41:1');
  });

  it('refuses malformed colours, unknown themes, bad addresses and an empty name', () => {
    expect(refused(() => updateSiteSettings(ws, { colors: { accent: 'teal' } }))).toMatchObject({ code: 'INVALID_SETTING', location: { field: 'colors.accent' } });
    expect(refused(() => updateSiteSettings(ws, { colors: { accent: '#0e5' } })).message).toContain('#rrggbb');
    expect(refused(() => updateSiteSettings(ws, { theme: 'nope' }))).toMatchObject({ code: 'UNKNOWN_THEME', message: expect.stringContaining('Candor has: default, ledger') });
    expect(refused(() => updateSiteSettings(ws, { baseUrl: 'ftp://x.example' }))).toMatchObject({ code: 'INVALID_SETTING', location: { field: 'baseUrl' } });
    expect(refused(() => updateSiteSettings(ws, { url: 'javascript:alert(1)' }))).toMatchObject({ code: 'INVALID_SETTING', location: { field: 'url' } });
    expect(refused(() => updateSiteSettings(ws, { organisation: '   ' }))).toMatchObject({ code: 'INVALID_SETTING', location: { field: 'organisation' } });
    expect(siteAudit()).toHaveLength(0);
  });

  it('renames the organisation in workspace.json, audited', () => {
    updateSiteSettings(ws, { organisation: '  Acme Group  ' });
    expect(readWorkspaceMeta(ws.dir).name).toBe('Acme Group');
    expect(ws.meta.name).toBe('Acme Group');
    expect(siteAudit()[0]).toMatchObject({ before: { organisation: 'Acme & Sons' }, after: { organisation: 'Acme Group' } });
  });

  it('keeps a checked logo in the workspace and audits setting and removing it', () => {
    const file = join(fx.root, 'logo.png');
    writeFileSync(file, png());
    const saved = setSiteLogo(ws, file);
    expect(saved.logo).toMatchObject({ type: 'image/png', size: png().length });
    const stored = readdirSync(join(ws.dir, 'branding'));
    expect(stored).toEqual([`logo-${saved.logo!.sha256.slice(0, 16)}.png`]);
    expect(readFileSync(join(ws.dir, 'branding', stored[0]!))).toEqual(png());
    expect(siteAudit().map((e) => e.action)).toEqual(['site.logo.set']);
    expect(siteAudit()[0]).toMatchObject({ before: null, after: { type: 'image/png', name: 'logo.png', sha256: saved.logo!.sha256 } });

    // Replacing it removes the old file once the change has committed.
    const other = join(fx.root, 'other.png');
    writeFileSync(other, png(4, 4, [0, 0, 0]));
    const replaced = setSiteLogo(ws, other);
    expect(readdirSync(join(ws.dir, 'branding'))).toEqual([`logo-${replaced.logo!.sha256.slice(0, 16)}.png`]);

    expect(clearSiteLogo(ws).logo).toBeNull();
    expect(readdirSync(join(ws.dir, 'branding'))).toEqual([]);
    expect(siteAudit().map((e) => e.action)).toEqual(['site.logo.set', 'site.logo.set', 'site.logo.clear']);
  });

  it('refuses SVG (whatever its name), files that are not images, and files over 1 MB', () => {
    const svg = join(fx.root, 'logo.png');
    writeFileSync(svg, '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const e1 = refused(() => setSiteLogo(ws, svg));
    expect(e1.code).toBe('LOGO_SVG_REFUSED');
    expect(e1.message).toContain('can run script');

    const text = join(fx.root, 'notes.jpg');
    writeFileSync(text, 'just some text');
    expect(refused(() => setSiteLogo(ws, text)).code).toBe('LOGO_NOT_AN_IMAGE');

    const big = join(fx.root, 'big.png');
    writeFileSync(big, Buffer.concat([png(), Buffer.alloc(1_048_576)]));
    const e3 = refused(() => setSiteLogo(ws, big));
    expect(e3.code).toBe('LOGO_TOO_LARGE');
    expect(e3.message).toContain('the limit is 1 MB');

    expect(refused(() => setSiteLogo(ws, join(fx.root, 'missing.png'))).code).toBe('LOGO_NOT_FOUND');
    expect(readSiteSettings(ws).logo).toBeNull();
    expect(existsSync(join(ws.dir, 'branding')) ? readdirSync(join(ws.dir, 'branding')) : []).toEqual([]);
    expect(siteAudit()).toHaveLength(0);
  });

  it('changes settings and the logo in one transaction: a refused colour leaves the logo as it was', () => {
    const file = join(fx.root, 'logo.webp');
    writeFileSync(file, Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), Buffer.alloc(20)]));
    expect(() => changeSiteSettings(ws, { colors: { accent: '#ffff00' } }, file)).toThrow(/contrast ratio/);
    expect(readSiteSettings(ws).logo).toBeNull();
    expect(readdirSync(join(ws.dir, 'branding'))).toEqual([]);
    expect(siteAudit()).toHaveLength(0);
    const ok = changeSiteSettings(ws, { colors: { accent: '#0b4f8a' } }, file);
    expect(ok).toMatchObject({ colors: { accent: '#0b4f8a' }, logo: { type: 'image/webp' } });
    expect(siteAudit().map((e) => e.action)).toEqual(['site.logo.set', 'site.settings']);
  });
});

describe('the built site follows the saved settings', () => {
  const build = async (out: string, extra: { theme?: string; baseUrl?: string | null; clean?: boolean } = {}) => {
    const r = await buildSite({ workspace: ws, out: join(fx.root, out), search: false, workers: 0, ...extra });
    await r.cleanup;
    return r;
  };
  const page = (out: string, path = 'index.html') => readFileSync(join(fx.root, out, path), 'utf8');

  it('uses the saved theme and address when none is given, and an explicit one wins', async () => {
    updateSiteSettings(ws, { theme: 'ledger', baseUrl: 'https://transparency.acme.example/' });
    await build('saved');
    expect(readManifest(join(fx.root, 'saved'))!.build).toMatchObject({ theme: 'ledger', baseUrl: 'https://transparency.acme.example/' });
    expect(page('saved')).toContain('assets/ledger.css');
    expect(page('saved')).toContain('<link rel="canonical" href="https://transparency.acme.example/index.html">');

    const r = await build('flags', { theme: 'default', baseUrl: 'https://elsewhere.example/site' });
    expect(readManifest(join(fx.root, 'flags'))!.build).toMatchObject({ theme: 'default', baseUrl: 'https://elsewhere.example/site/' });
    expect(page('flags')).toContain('assets/site.css');
    expect(page('flags')).toContain('href="https://elsewhere.example/site/index.html"');
    expect(r.warnings.join(' ')).not.toContain('No address for the published site');

    // An explicitly empty address builds without one, saved address or not.
    await build('none', { baseUrl: '' });
    expect(readManifest(join(fx.root, 'none'))!.build.baseUrl).toBeNull();
    expect(page('none')).not.toContain('rel="canonical"');
  });

  it('publishes the colours and the logo as files in the manifest, linked from every page without inline styles', async () => {
    const file = join(fx.root, 'logo.png');
    writeFileSync(file, png());
    changeSiteSettings(ws, { organisation: 'Acme <Sons> & "Co"', colors: { accent: '#0b4f8a', header: '#1d3557' } }, file);
    for (const theme of ['default', 'ledger']) {
      const out = `branded-${theme}`;
      await build(out, { theme });
      const dir = join(fx.root, out);
      const css = readFileSync(join(dir, 'assets/brand.css'), 'utf8');
      expect(css).toContain('--accent: #0b4f8a;');
      expect(css).toContain('--header-bg: #1d3557;');
      expect(readFileSync(join(dir, 'assets/logo.png'))).toEqual(png());
      const listed = readManifest(dir)!.files.map((f) => f.path);
      expect(listed).toContain('assets/brand.css');
      expect(listed).toContain('assets/logo.png');
      expect(verifySite(dir)).toMatchObject({ ok: true });
      for (const p of htmlPages(dir)) {
        const html = readFileSync(join(dir, p), 'utf8');
        // 404.html is served at any depth, so its links start at the site's root.
        const root = p === '404.html' ? '/' : '../'.repeat(p.split('/').length - 1);
        expect(html, p).toMatch(new RegExp(`<link rel="stylesheet" href="${root.replace(/\./g, '\\.')}assets/brand\\.css\\?v=[0-9a-f]{12}">`));
        expect(html, p).toContain(`<img class="${theme === 'default' ? 'brand-logo' : 'masthead-logo'}" src="${root}assets/logo.png?v=`);
        expect(html, p).toContain('alt="Acme &lt;Sons&gt; &amp; &#34;Co&#34;"');
        // The site's CSP has no 'unsafe-inline': nothing may need it.
        expect(html, p).not.toMatch(/\sstyle\s*=/i);
        expect(html, p).not.toMatch(/<style[\s>]/i);
        expect(html, p).toContain("style-src &#39;self&#39;");
        expect(html, p).not.toContain('unsafe-inline');
      }
    }
  });

  it('links no brand stylesheet and shows no logo when none is chosen', async () => {
    await build('plain');
    const files = listFiles(join(fx.root, 'plain'));
    expect(files).not.toContain('assets/brand.css');
    expect(files.some((f) => f.startsWith('assets/logo.'))).toBe(false);
    expect(page('plain')).not.toContain('brand.css');
    expect(page('plain')).toContain('<span class="brand-mark" aria-hidden="true"></span>');
  });

  it('re-renders pages when the colours or the logo change, and gives the same bytes as a clean build', async () => {
    updateSiteSettings(ws, { colors: { accent: '#0b4f8a' } });
    await build('site');
    const before = page('site');
    const again = await build('site');
    expect(again).toMatchObject({ incremental: true, rendered: 0 });

    updateSiteSettings(ws, { colors: { accent: '#6a1b9a' } });
    // The colours are part of every page's inputs: nothing of the previous build is reused.
    const changed = await build('site');
    expect(changed.reused).toBe(0);
    expect(changed.rendered).toBe(changed.pages);
    expect(page('site')).not.toBe(before);
    expect(readFileSync(join(fx.root, 'site', 'assets/brand.css'), 'utf8')).toContain('--accent: #6a1b9a;');
    await build('clean');
    expect(snapshot(join(fx.root, 'site'))).toEqual(snapshot(join(fx.root, 'clean')));

    const file = join(fx.root, 'logo.png');
    writeFileSync(file, png());
    setSiteLogo(ws, file);
    const withLogo = await build('site');
    expect(withLogo.reused).toBe(0);
    expect(page('site')).toContain('assets/logo.png?v=');
    expect(verifySite(join(fx.root, 'site'))).toMatchObject({ ok: true });

    clearSiteLogo(ws);
    updateSiteSettings(ws, { colors: { accent: null } });
    await build('site');
    expect(listFiles(join(fx.root, 'site')).filter((f) => f === 'assets/brand.css' || f.startsWith('assets/logo.'))).toEqual([]);
    expect(verifySite(join(fx.root, 'site'))).toMatchObject({ ok: true });
  });

  it('gives byte-identical sites for the same settings', async () => {
    const file = join(fx.root, 'logo.png');
    writeFileSync(file, png());
    changeSiteSettings(ws, { theme: 'ledger', colors: { accent: '#0b4f8a', header: '#f1e3c8' } }, file);
    await build('one');
    await build('two');
    expect(snapshot(join(fx.root, 'two'))).toEqual(snapshot(join(fx.root, 'one')));
  });

  it('builds without the logo, saying so, when its file has gone from the workspace', async () => {
    const file = join(fx.root, 'logo.png');
    writeFileSync(file, png());
    setSiteLogo(ws, file);
    rmSync(join(ws.dir, 'branding'), { recursive: true });
    const r = await build('nologo');
    expect(r.warnings.join('\n')).toMatch(/logo file is missing/);
    expect(page('nologo')).not.toContain('assets/logo');
  });
});
