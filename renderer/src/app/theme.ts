import type { ThemePreference } from '../../../electron/shared/contract/app.ts';

/** "system" leaves the choice to prefers-color-scheme (CSS); light/dark pin it. */
export function applyTheme(theme: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function nextTheme(theme: ThemePreference): ThemePreference {
  return theme === 'system' ? 'light' : theme === 'light' ? 'dark' : 'system';
}

export const THEME_LABEL: Record<ThemePreference, string> = { system: 'Theme: as system', light: 'Theme: light', dark: 'Theme: dark' };
