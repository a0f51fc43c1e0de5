import { describe, expect, it } from 'vitest';
import { accentSoft, brandColorProblem, brandContrastChecks, brandCss, headerTextFor, NO_COLORS, PAGE_BACKGROUNDS } from '../../electron/shared/brand-colors.ts';
import { contrastRatio, formatRatio, mixColors, relativeLuminance } from '../../electron/shared/contrast.ts';
import { sniffImage } from '../../electron/core/site/logo.ts';

// The colour rules the site settings enforce: WCAG 2.2's contrast ratio, and every place the themes put the chosen
// colours. Values checked against the WCAG definition (and the well-known #767676 / #777777 on white boundary).

describe('contrast ratio (WCAG 2.2)', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#000000', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#ff0000', '#ffffff', 4.0],
    ['#0000ff', '#ffffff', 8.59],
    ['#808080', '#000000', 5.32],
    ['#0e5a57', '#ffffff', 8.02],
    ['#0E5A57', '#F7F3EA', 7.24],
  ])('%s on %s is %d:1', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });

  it('gives luminance 0 for black and 1 for white, and refuses anything but #rrggbb', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(() => contrastRatio('red', '#ffffff')).toThrow(/#rrggbb/);
    expect(() => contrastRatio('#fff', '#ffffff')).toThrow(/#rrggbb/);
  });

  it.each([
    [4.4999, '4.49:1'],
    [4.5, '4.50:1'],
    [21, '21.00:1'],
  ])('prints %d as %s (never rounded up past the limit)', (ratio, text) => {
    expect(formatRatio(ratio)).toBe(text);
  });

  it('mixes colours channel by channel', () => {
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColors('#ffffff', '#0e5a57', 0)).toBe('#ffffff');
    expect(mixColors('#ffffff', '#0e5a57', 1)).toBe('#0e5a57');
  });
});

describe('brand colours on the site', () => {
  it('accepts the themes’ own kind of colours and checks every place the accent is used', () => {
    const checks = brandContrastChecks({ ...NO_COLORS, accent: '#0e5a57' });
    expect(checks.map((c) => c.use)).toEqual([
      'links and headings on the page background',
      'white text on buttons and the current page',
      'labels on the accent’s pale tint',
      'text of replies on the accent’s pale tint',
    ]);
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(brandColorProblem({ ...NO_COLORS, accent: '#0e5a57' })).toBeNull();
    expect(brandColorProblem(NO_COLORS)).toBeNull();
  });

  it.each([
    // [accent, the place that fails]
    ['#88aaff', 'links and headings on the page background', 'darker'],
    ['#ffcc00', 'links and headings on the page background', 'darker'],
    ['#777777', 'links and headings on the page background', 'darker'],
  ])('refuses accent %s: %s', (accent, use, direction) => {
    const problem = brandColorProblem({ ...NO_COLORS, accent });
    expect(problem).toMatchObject({ field: 'accent', code: 'LOW_CONTRAST' });
    expect(problem!.message).toContain(`Accent colour ${accent}: ${use}`);
    expect(problem!.message).toMatch(/contrast ratio of \d+\.\d\d:1; WCAG 2\.2 AA needs at least 4\.5:1/);
    expect(problem!.message).toContain(`Choose a ${direction} colour`);
  });

  it('checks the accent against the darkest page background of both themes', () => {
    // #3a7d44 reads well on white but only just on ledger's paper: the worst background decides.
    const [links] = brandContrastChecks({ ...NO_COLORS, accent: '#3a7d44' });
    expect(links!.background).toBe([...PAGE_BACKGROUNDS].sort((a, b) => contrastRatio('#3a7d44', a) - contrastRatio('#3a7d44', b))[0]);
    expect(links!.ratio).toBeLessThan(contrastRatio('#3a7d44', '#ffffff'));
  });

  it('picks readable header text when only the background is chosen, and checks a chosen one', () => {
    expect(headerTextFor({ ...NO_COLORS, header: '#1d3557' })).toBe('#ffffff');
    expect(headerTextFor({ ...NO_COLORS, header: '#f1e3c8' })).toBe('#1c232b');
    expect(brandColorProblem({ ...NO_COLORS, header: '#1d3557' })).toBeNull();
    const low = brandColorProblem({ ...NO_COLORS, header: '#dddddd', headerText: '#bbbbbb' });
    expect(low).toMatchObject({ field: 'headerText', code: 'LOW_CONTRAST' });
    expect(low!.message).toContain('1.41:1');
    expect(brandColorProblem({ ...NO_COLORS, headerText: '#ffffff' })).toMatchObject({ field: 'headerText', code: 'INVALID_SETTING' });
  });

  it('writes the chosen colours as custom properties, and nothing when none is chosen', () => {
    expect(brandCss(NO_COLORS)).toBeNull();
    const css = brandCss({ accent: '#0b4f8a', header: '#1d3557', headerText: null })!;
    expect(css).toContain('--accent: #0b4f8a;');
    expect(css).toContain(`--accent-soft: ${accentSoft('#0b4f8a')};`);
    expect(css).toContain('--header-bg: #1d3557;');
    expect(css).toContain('--header-text: #ffffff;');
    expect(css).not.toMatch(/url\(|@import|expression/);
  });
});

describe('logo files are recognised by their content', () => {
  const bytes = (...xs: (number | string)[]) => Buffer.concat(xs.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from([x]))));
  it.each([
    ['PNG', bytes(0x89, 'PNG\r\n\x1a\n', 'rest'), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 'JFIF'), 'image/jpeg'],
    ['WebP', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'svg'],
    ['SVG with XML declaration, BOM and spaces', bytes(0xef, 0xbb, 0xbf, '  \n<?xml version="1.0"?>\n<!-- logo -->\n<SVG>'), 'svg'],
    ['GIF', bytes('GIF89a'), null],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>'), null],
    ['text', bytes('not an image'), null],
    ['a truncated PNG signature', bytes(0x89, 'PNG'), null],
    ['RIFF that is not WebP', bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt '), null],
  ])('%s', (_name, content, expected) => {
    expect(sniffImage(content)).toBe(expected);
  });
});
