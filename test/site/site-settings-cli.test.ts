import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { readManifest } from '../../electron/core/site/manifest.ts';
import type { CliResult } from '../helpers/workspace.ts';
import { fixtureThreads, png, siteWorkspace } from './helpers.ts';
import type { SiteWorkspace } from './helpers.ts';

// `candor site-settings`, in-process (the same entry point as the binary), and `candor build` using what it saved.

async function cli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (x) => { stdout += x; }, err: (x) => { stderr += x; }, interactive: false });
  return { code, stdout, stderr };
}

let fx: SiteWorkspace;
beforeEach(async () => {
  fx = await siteWorkspace(fixtureThreads(3).threads, {}, 'Acme Ltd');
});
afterEach(() => fx.cleanup());

describe('candor site-settings', () => {
  it('shows the settings, as text and as exactly the documented JSON', async () => {
    const text = await cli(['site-settings', fx.dir]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^organisation +Acme Ltd$/m);
    expect(text.stdout).toMatch(/^theme +default$/m);
    expect(text.stdout).toMatch(/^accent +\(the theme's\)$/m);
    const json = JSON.parse((await cli(['site-settings', fx.dir, '--json'])).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['organisation', 'intro', 'policy', 'url', 'theme', 'baseUrl', 'colors', 'logo', 'verification', 'withheldPlaceholders', 'language', 'strings', 'stringsByLanguage']);
    expect(json).toEqual({ organisation: 'Acme Ltd', intro: null, policy: null, url: null, theme: 'default', baseUrl: null, colors: { accent: null, header: null, headerText: null }, logo: null, verification: null, withheldPlaceholders: true, language: 'en', strings: {}, stringsByLanguage: {} });
    const off = await cli(['site-settings', fx.dir, '--withheld-placeholders', 'off', '--json']);
    expect(JSON.parse(off.stdout)).toMatchObject({ withheldPlaceholders: false });
    const bad = await cli(['site-settings', fx.dir, '--withheld-placeholders', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--withheld-placeholders is on or off');
    await cli(['site-settings', fx.dir, '--withheld-placeholders', 'on']);
  });

  it('changes every field in one go, and candor build then uses the saved theme and address', async () => {
    const logo = join(fx.root, 'logo.png');
    writeFileSync(logo, png());
    const r = await cli(['site-settings', fx.dir, '--organisation', 'Acme Group', '--url', 'https://acme.example', '--intro', 'We publish **everything**.', '--policy', 'Only on request.',
      '--theme', 'ledger', '--base-url', 'https://transparency.acme.example', '--accent', '#0B4F8A', '--header', '#1d3557', '--header-text', '#ffffff', '--logo', logo, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { logo: { file: string; type: string }; [k: string]: unknown };
    expect(s).toMatchObject({ organisation: 'Acme Group', url: 'https://acme.example', theme: 'ledger', baseUrl: 'https://transparency.acme.example/', colors: { accent: '#0b4f8a', header: '#1d3557', headerText: '#ffffff' }, logo: { type: 'image/png' } });
    expect(readFileSync(s.logo.file)).toEqual(png());
    const audit = await cli(['audit', fx.dir, '--entity', 'site', '--json']);
    expect((JSON.parse(audit.stdout) as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual(['site.logo.set', 'site.settings']);

    const out = join(fx.root, 'site');
    const build = await cli(['build', fx.dir, '--out', out, '--no-search', '--json']);
    expect(build.code, build.stderr).toBe(0);
    expect(readManifest(out)!.build).toMatchObject({ organisation: 'Acme Group', theme: 'ledger', baseUrl: 'https://transparency.acme.example/' });
    expect(readManifest(out)!.files.map((f) => f.path)).toEqual(expect.arrayContaining(['assets/brand.css', 'assets/logo.png']));
    const flags = await cli(['build', fx.dir, '--out', join(fx.root, 'site2'), '--no-search', '--theme', 'default', '--base-url', 'https://other.example/']);
    expect(flags.code, flags.stderr).toBe(0);
    expect(readManifest(join(fx.root, 'site2'))!.build).toMatchObject({ theme: 'default', baseUrl: 'https://other.example/' });

    // Empty values go back to none / the theme's own; --no-logo removes the logo.
    const reset = await cli(['site-settings', fx.dir, '--accent', '', '--header', '', '--header-text', '', '--base-url', '', '--no-logo', '--json']);
    expect(JSON.parse(reset.stdout)).toMatchObject({ baseUrl: null, colors: { accent: null, header: null, headerText: null }, logo: null });
  });

  it('refuses low-contrast colours, SVG logos and bad values with exit 2, changing nothing', async () => {
    const low = await cli(['site-settings', fx.dir, '--theme', 'ledger', '--accent', '#ffcc00']);
    expect(low.code).toBe(2);
    expect(low.stderr).toMatch(/^candor site-settings: Accent colour #ffcc00: .* contrast ratio of 1\.\d\d:1; WCAG 2\.2 AA needs at least 4\.5:1/);
    const svg = join(fx.root, 'logo.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refused = await cli(['site-settings', fx.dir, '--logo', svg]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SVG is refused');
    expect((await cli(['site-settings', fx.dir, '--theme', 'nope'])).stderr).toContain('There is no theme "nope"');
    expect((await cli(['site-settings', fx.dir, '--logo', svg, '--no-logo'])).code).toBe(2);
    expect((await cli(['site-settings', fx.dir, '--colour', 'red'])).code).toBe(2);
    expect(JSON.parse((await cli(['site-settings', fx.dir, '--json'])).stdout)).toMatchObject({ theme: 'default', colors: { accent: null }, logo: null });
    expect((await cli(['audit', fx.dir, '--entity', 'site'])).stdout).not.toContain('site.');
  });
});
