import { z } from 'zod';
import { AA_TEXT, contrastRatio, formatRatio, HEX_COLOR, mixColors, relativeLuminance } from './contrast.ts';

// The organisation's colours on its site: an accent (links, buttons, the current page) and the header's background
// and text. They reach the site as CSS custom properties in assets/brand.css (no inline styles: the site's CSP
// forbids them), which both themes read. Every colour is checked against every place the themes use it, so a site
// stays readable (WCAG 2.2 AA, 4.5:1 for text) whatever is chosen. Pure: the app shows the same checks live.

export const HexColor = z.string().trim().regex(HEX_COLOR, 'a colour is written #rrggbb, for example #0e5a57').transform((s) => s.toLowerCase());

/** null: the theme's own colour. */
export const SiteColors = z.object({
  accent: HexColor.nullable(),
  header: HexColor.nullable(),
  headerText: HexColor.nullable(),
});
export type SiteColors = z.infer<typeof SiteColors>;
export type ColorField = keyof SiteColors;

export const NO_COLORS: SiteColors = { accent: null, header: null, headerText: null };
export const COLOR_FIELDS: readonly ColorField[] = ['accent', 'header', 'headerText'];
export const COLOR_LABELS: Record<ColorField, string> = { accent: 'Accent colour', header: 'Header background', headerText: 'Header text colour' };

/**
 * The light backgrounds the themes put accent-coloured text on: default (white cards, the page) and ledger (sheet,
 * paper, plates). Checked against all of them so a colour stays valid when the theme changes.
 */
export const PAGE_BACKGROUNDS: readonly string[] = ['#ffffff', '#f6f5f1', '#fffdf8', '#f7f3ea', '#fffefa'];
/** Text on accent-coloured buttons, the current page and the skip link, in both themes. */
export const ON_ACCENT = '#ffffff';
/** The themes' body text (the lighter of the two): it sits on the accent's tint in staff replies. */
export const BODY_TEXT = '#1c232b';
/** When only the header background is chosen, its text is whichever of these reads better on it. */
const HEADER_TEXT_CHOICES = ['#ffffff', BODY_TEXT] as const;
const SOFT_WEIGHT = 0.11;
const HOVER_WEIGHT = 0.12;

/** The pale tint of the accent behind badges, staff replies and hovered links (default theme). */
export function accentSoft(accent: string): string {
  return mixColors('#ffffff', accent, SOFT_WEIGHT);
}

/** The header's text colour: the one chosen, else the readable one of white and the body text; null without a header. */
export function headerTextFor(colors: SiteColors): string | null {
  if (colors.headerText) return colors.headerText;
  if (!colors.header) return null;
  const header = colors.header;
  return [...HEADER_TEXT_CHOICES].sort((a, b) => contrastRatio(b, header) - contrastRatio(a, header))[0]!;
}

/** Behind a hovered header link: the header, a little towards its text. */
export function headerHover(header: string, text: string): string {
  return mixColors(header, text, HOVER_WEIGHT);
}

export type ContrastCheck = {
  field: ColorField;
  /** Where the pair appears, for people: "links on the page background". */
  use: string;
  foreground: string;
  background: string;
  ratio: number;
  ok: boolean;
};

function check(field: ColorField, use: string, foreground: string, background: string): ContrastCheck {
  const ratio = contrastRatio(foreground, background);
  return { field, use, foreground, background, ratio, ok: ratio >= AA_TEXT };
}

/** Every text/background pair the chosen colours create on the site, in both themes. */
export function brandContrastChecks(colors: SiteColors): ContrastCheck[] {
  const out: ContrastCheck[] = [];
  if (colors.accent) {
    const a = colors.accent;
    const worst = [...PAGE_BACKGROUNDS].sort((x, y) => contrastRatio(a, x) - contrastRatio(a, y))[0]!;
    out.push(check('accent', 'links and headings on the page background', a, worst));
    out.push(check('accent', 'white text on buttons and the current page', ON_ACCENT, a));
    out.push(check('accent', 'labels on the accent’s pale tint', a, accentSoft(a)));
    out.push(check('accent', 'text of replies on the accent’s pale tint', BODY_TEXT, accentSoft(a)));
  }
  if (colors.header) {
    const text = headerTextFor(colors)!;
    const field: ColorField = colors.headerText ? 'headerText' : 'header';
    out.push(check(field, 'the organisation’s name and navigation on the header', text, colors.header));
    out.push(check(field, 'a hovered navigation link in the header', text, headerHover(colors.header, text)));
  }
  return out;
}

/** Why these colours cannot be used (the first problem, for people), or null. */
export function brandColorProblem(colors: SiteColors): { field: ColorField; code: 'LOW_CONTRAST' | 'INVALID_SETTING'; message: string } | null {
  if (colors.headerText && !colors.header) {
    return { field: 'headerText', code: 'INVALID_SETTING', message: `${COLOR_LABELS.headerText} needs a header background to be read against: choose a ${COLOR_LABELS.header.toLowerCase()} too, or leave both empty for the theme's own.` };
  }
  for (const c of brandContrastChecks(colors)) {
    if (c.ok) continue;
    const chosen = colors[c.field]!;
    const other = c.foreground === chosen ? c.background : c.foreground;
    // Contrast grows by moving away from the other colour: a colour darker than it must get darker still.
    const direction = relativeLuminance(chosen) <= relativeLuminance(other) ? 'darker' : 'lighter';
    return {
      field: c.field,
      code: 'LOW_CONTRAST',
      message: `${COLOR_LABELS[c.field]} ${chosen}: ${c.use} (${c.foreground} on ${c.background}) would have a contrast ratio of ${formatRatio(c.ratio)}; WCAG 2.2 AA needs at least ${AA_TEXT}:1. Choose a ${direction} colour.`,
    };
  }
  return null;
}

/**
 * assets/brand.css: the chosen colours as the custom properties the themes read, loaded after the theme's own
 * stylesheet. null when no colour is chosen (the file is then not published and not linked).
 */
export function brandCss(colors: SiteColors): string | null {
  const vars: [string, string][] = [];
  if (colors.accent) vars.push(['--accent', colors.accent], ['--accent-soft', accentSoft(colors.accent)]);
  if (colors.header) {
    const text = headerTextFor(colors)!;
    vars.push(['--header-bg', colors.header], ['--header-text', text], ['--header-muted', text], ['--header-hover', headerHover(colors.header, text)], ['--header-focus', text]);
  }
  if (vars.length === 0) return null;
  return `/* The organisation's colours (site settings), checked for WCAG 2.2 AA contrast when they were saved. */\n:root {\n${vars.map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}\n`;
}
