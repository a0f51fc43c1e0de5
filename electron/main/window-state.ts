// Where the window opens: the saved bounds when they are still on a screen, otherwise centred defaults.
export type Rect = { x: number; y: number; width: number; height: number };
export type WindowState = Partial<Rect> & { maximized?: boolean };

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Saved bounds are used only if a good part of the window (a quarter) is visible on some display's work area. */
export function restoreBounds(saved: WindowState | undefined, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  const width = Math.max(MIN_SIZE.width, Math.round(saved?.width ?? DEFAULT_SIZE.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved?.height ?? DEFAULT_SIZE.height));
  if (saved?.x === undefined || saved.y === undefined || !Number.isFinite(saved.x) || !Number.isFinite(saved.y)) return { width, height };
  const rect = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  const visible = workAreas.some((area) => overlap(rect, area) >= (width * height) / 4);
  return visible ? rect : { width, height };
}
