import type { PiiKind } from '../../../shared/curation/pii-finding.ts';
import { PLACEHOLDER } from '../../../shared/curation/pii-finding.ts';

export type RedactionSpan = { start: number; end: number; kind: PiiKind | 'manual' };

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Widens a span so that it never splits a surrogate pair, and clamps it to the text. */
export function safeSpan(text: string, start: number, end: number): [number, number] {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s -= 1;
  if (e > 0 && e < text.length && isHigh(text.charCodeAt(e - 1)) && isLow(text.charCodeAt(e))) e += 1;
  return [s, e];
}

/**
 * Replaces each span with its labelled placeholder. Overlapping or touching spans become one placeholder,
 * labelled by the widest span among them. Pure: the input text is never changed.
 */
export function applyRedactions(text: string, spans: readonly RedactionSpan[]): string {
  const clean = spans
    .map((s) => {
      const [start, end] = safeSpan(text, s.start, s.end);
      return { start, end, kind: s.kind };
    })
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (clean.length === 0) return text;
  const merged: { start: number; end: number; kind: PiiKind | 'manual'; width: number }[] = [];
  for (const s of clean) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      if (s.end - s.start > last.width) {
        last.kind = s.kind;
        last.width = s.end - s.start;
      }
      last.end = Math.max(last.end, s.end);
    } else {
      merged.push({ ...s, width: s.end - s.start });
    }
  }
  let out = '';
  let cursor = 0;
  for (const m of merged) {
    out += text.slice(cursor, m.start) + PLACEHOLDER[m.kind];
    cursor = m.end;
  }
  return out + text.slice(cursor);
}
