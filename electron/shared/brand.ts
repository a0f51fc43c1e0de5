// The site's colour rules for the app's window, which may import only electron/shared: the same pure functions the
// core enforces, so the settings screen shows exactly the ratios a save would be judged by.
export { AA_TEXT, contrastRatio, formatRatio, HEX_COLOR } from './contrast.ts';
export { brandColorProblem, brandContrastChecks, COLOR_FIELDS, COLOR_LABELS, headerTextFor } from './brand-colors.ts';
export type { ColorField, ContrastCheck, SiteColors } from './brand-colors.ts';
export { LOGO_MAX_BYTES } from './model/site-settings.ts';
