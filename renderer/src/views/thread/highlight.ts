// Personal data and manual redactions are shown in the message text as marked spans. The text is always React
// text (never HTML): the body is cut into plain segments, some of which carry a mark.

export type Mark = { id: string; start: number; end: number; tone: 'pending' | 'accepted' | 'rejected' | 'manual'; label: string };
export type Segment = { text: string; start: number; mark?: Mark };

/** Cuts text into segments at the marks' edges. Overlaps are clipped: the earlier mark wins the shared part. */
export function segments(text: string, marks: readonly Mark[]): Segment[] {
  const sorted = marks
    .filter((m) => m.end > m.start && m.start < text.length && m.end > 0)
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const m of sorted) {
    if (m.end <= pos) continue;
    const start = Math.max(m.start, pos);
    if (start > pos) out.push({ text: text.slice(pos, start), start: pos });
    out.push({ text: text.slice(start, m.end), start, mark: m });
    pos = m.end;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), start: pos });
  return out;
}

/**
 * Where a selection starts and ends in a message's text: counted over the container's text, which is exactly the
 * message body (labels live outside it). Null when the selection is empty or leaves the container.
 */
export function selectionOffsets(container: Node, range: Pick<Range, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset' | 'collapsed'>, doc: Document = document): { start: number; end: number } | null {
  if (range.collapsed) return null;
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = doc.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const through = doc.createRange();
  through.selectNodeContents(container);
  through.setEnd(range.endContainer, range.endOffset);
  const end = through.toString().length;
  return end > start ? { start, end } : null;
}
