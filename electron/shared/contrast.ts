// WCAG 2.2 contrast, as the success criteria define it (1.4.3, "relative luminance" and "contrast ratio"). Pure: the
// app's settings screen shows the same numbers the core enforces.

/** `#rrggbb`, the only colour form site settings accept (lowercased when stored). */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** WCAG 2.2 AA for normal-size text. */
export const AA_TEXT = 4.5;

function channels(hex: string): [number, number, number] {
  if (!HEX_COLOR.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

function linear(c8: number): number {
  const c = c8 / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** From 1 (the same colour) to 21 (black on white); the order of the two colours does not matter. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Shown to people: truncated, never rounded up, so "4.50:1" is never printed for a colour that fails. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** `weight` of `b` over `a`, per sRGB channel: how the site's tints are made (deterministic, no colour-mix()). */
export function mixColors(a: string, b: string, weight: number): string {
  const x = channels(a);
  const y = channels(b);
  return `#${x.map((v, i) => Math.round(v * (1 - weight) + y[i]! * weight).toString(16).padStart(2, '0')).join('')}`;
}
