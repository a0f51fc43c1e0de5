import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Res } from '../../../../electron/shared/contract.ts';
import { formatDate, stars } from '../../lib/format.ts';
import type { ThreadQuery } from './filters.ts';
import { useVisiblePages } from './useThreadList.ts';
import { DECISION_LABEL, KIND_LABEL, sourceLabel } from '../../lib/labels.ts';

export type ThreadSummary = Res<'threads.search'>['threads'][number];
const ROW_HEIGHT = 68;

export type Pick = { shift: boolean; toggle: boolean };

/**
 * The conversation list: only the rows on screen exist in the page (virtualised), so 100k conversations scroll as
 * smoothly as 10. It is one multi-select listbox: arrow keys, j/k and clicks open a conversation (aria-current);
 * the box at a row's start, Ctrl/⌘-click and Shift-click choose several (aria-selected) for actions on all of them.
 */
export function ThreadList({ query, total, rowAt, selectedIndex, onSelect, onPick, isChecked, label }: {
  /** Whose pages are fetched as they scroll into view (only this list renders again when they arrive). */
  query: ThreadQuery;
  total: number;
  rowAt: (index: number) => ThreadSummary | undefined;
  /** The open conversation. */
  selectedIndex: number;
  onSelect: (index: number) => void;
  /** Choosing rows for a bulk action: toggle one, or (shift) every row from the last one chosen. */
  onPick: (index: number, pick: Pick) => void;
  isChecked: (index: number) => boolean;
  label: string;
}) {
  const parentRef = useRef<HTMLDivElement>(null);
  // The virtualiser's functions change every render; this component is cheap and is left unmemoised on purpose.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, initialRect: { width: 400, height: 800 } });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useVisiblePages(query, first, last, total);

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < total) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, total, virtualizer]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      onSelect(Math.min(total - 1, selectedIndex + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      onSelect(Math.max(0, selectedIndex - 1));
    } else if (e.key === 'Home') {
      e.preventDefault();
      onSelect(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      onSelect(total - 1);
    }
  };

  return (
    <div
      ref={parentRef}
      className="thread-list"
      role="listbox"
      aria-label={label}
      aria-multiselectable="true"
      tabIndex={0}
      // Only a row that exists in the page can be the active descendant (the open one may have left the list).
      aria-activedescendant={items.some((i) => i.index === selectedIndex) ? `thread-row-${selectedIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const open = item.index === selectedIndex;
          const checked = isChecked(item.index);
          return (
            <div
              key={item.key}
              id={`thread-row-${item.index}`}
              role="option"
              aria-selected={checked}
              aria-current={open ? 'true' : undefined}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              className={`thread-row${open ? ' thread-row-selected' : ''}${checked ? ' thread-row-checked' : ''}${row ? '' : ' thread-row-loading'}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              onClick={(e) => {
                if (e.shiftKey || e.ctrlKey || e.metaKey) {
                  e.preventDefault();
                  window.getSelection()?.removeAllRanges();
                  onPick(item.index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
                } else onSelect(item.index);
              }}
            >
              <span
                className={`row-check${checked ? ' row-check-on' : ''}`}
                aria-hidden="true"
                title="Select for an action on several conversations (Shift-click: a range)"
                onClick={(e) => {
                  e.stopPropagation();
                  window.getSelection()?.removeAllRanges();
                  onPick(item.index, { shift: e.shiftKey, toggle: true });
                }}
              >
                {checked ? '✓' : ''}
              </span>
              <div className="thread-row-content">{row ? <RowContent row={row} /> : <span className="muted">Loading…</span>}</div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function RowContent({ row }: { row: ThreadSummary }) {
  return (
    <>
      <div className="thread-row-top">
        <span className="thread-row-subject">{row.subject?.trim() || '(no subject)'}</span>
        <span className={`badge badge-decision-${row.decision}`}>{DECISION_LABEL[row.decision]}</span>
      </div>
      <div className="thread-row-meta">
        <span className={`kind kind-${row.kind}`}>{KIND_LABEL[row.kind]}</span>
        <span>{sourceLabel(row.source)}</span>
        <span>{formatDate(row.openedAt)}</span>
        {row.rating != null ? <span className="stars" aria-label={`${row.rating} of 5 stars`}>{stars(row.rating)}</span> : null}
        <span>{row.messageCount} {row.messageCount === 1 ? 'message' : 'messages'}</span>
      </div>
    </>
  );
}
