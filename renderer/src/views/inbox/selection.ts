import type { Req } from '../../../../electron/shared/contract.ts';
import type { ThreadQuery } from './filters.ts';

// Several conversations chosen for one action: picked one by one (click, x), a range (Shift-click, J/K), or every
// conversation matching the search and filters ("select all matching" — the core resolves it, so 10,000 matches
// cost one request, not 10,000 ids).

export type Selection = { ids: ReadonlySet<string>; all: boolean; anchor: number | null };
export const NO_SELECTION: Selection = { ids: new Set(), all: false, anchor: null };
export type Target = Req<'curation.decide'>['target'];

export function selectionSize(s: Selection, total: number): number {
  return s.all ? total : s.ids.size;
}

export function isPicked(s: Selection, id: string | undefined): boolean {
  return s.all || (id !== undefined && s.ids.has(id));
}

/** One row in or out; the row becomes the anchor of the next Shift-click. */
export function toggle(s: Selection, id: string, index: number): Selection {
  const ids = new Set(s.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, all: false, anchor: index };
}

/** Every row from the anchor to this one is added (rows not loaded yet are skipped: they are not on screen). */
export function extend(s: Selection, index: number, idAt: (i: number) => string | undefined): Selection {
  const from = s.anchor ?? index;
  const ids = new Set(s.all ? [] : s.ids);
  for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
    const id = idAt(i);
    if (id) ids.add(id);
  }
  return { ids, all: false, anchor: s.anchor ?? index };
}

export function selectAll(): Selection {
  return { ids: new Set(), all: true, anchor: null };
}

/** What the core is asked to act on. */
export function targetOf(s: Selection, query: ThreadQuery): Target {
  if (s.all) {
    const { limit: _l, offset: _o, sort: _s, order: _r, ...filters } = query;
    return { query: filters };
  }
  return { ids: [...s.ids] };
}
