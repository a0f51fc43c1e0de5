// The inbox shows a window onto a list that may hold 100k conversations: rows are fetched a page at a time, only
// for the pages the visible range touches, and a page being fetched is not asked for twice.

export const PAGE_SIZE = 100;

export function pagesForRange(start: number, end: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0 || end < start) return [];
  const first = Math.max(0, Math.floor(start / pageSize));
  const last = Math.min(Math.floor((total - 1) / pageSize), Math.floor(Math.max(start, end) / pageSize));
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}

export class PageCache<T> {
  readonly pageSize: number;
  private pages = new Map<number, T[]>();
  private inFlight = new Set<number>();

  constructor(pageSize = PAGE_SIZE) {
    this.pageSize = pageSize;
  }

  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Pages the range needs that are neither here nor on their way; they are marked as on their way. */
  claimMissing(start: number, end: number, total: number): number[] {
    const missing = pagesForRange(start, end, total, this.pageSize).filter((p) => !this.pages.has(p) && !this.inFlight.has(p));
    for (const p of missing) this.inFlight.add(p);
    return missing;
  }

  put(page: number, rows: T[]): void {
    this.inFlight.delete(page);
    this.pages.set(page, rows);
  }

  failed(page: number): void {
    this.inFlight.delete(page);
  }

  /** Replaces one row in place (after a decision) without refetching. */
  update(match: (row: T) => boolean, change: (row: T) => T): boolean {
    for (const [page, rows] of this.pages) {
      const i = rows.findIndex(match);
      if (i >= 0) {
        const next = rows.slice();
        next[i] = change(rows[i]!);
        this.pages.set(page, next);
        return true;
      }
    }
    return false;
  }

  indexOf(match: (row: T) => boolean): number {
    for (const [page, rows] of this.pages) {
      const i = rows.findIndex(match);
      if (i >= 0) return page * this.pageSize + i;
    }
    return -1;
  }

  loadedPages(): number[] {
    return [...this.pages.keys()];
  }

  clear(): void {
    this.pages.clear();
    this.inFlight.clear();
  }
}
