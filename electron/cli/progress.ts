import type { ImportProgress } from '../core/importers/types.ts';

function megabytes(n: number): string {
  return `${(n / 1_048_576).toFixed(1)} MB`;
}

/** A one-line progress bar on stderr, redrawn at most ten times a second, only on a terminal. */
export function progressBar(write: (s: string) => void, enabled: boolean): { update: (p: ImportProgress) => void; done: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && p.bytesRead < p.bytesTotal) return;
      last = now;
      const ratio = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
      const width = 30;
      const filled = Math.round(ratio * width);
      write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${megabytes(p.bytesRead)} / ${megabytes(p.bytesTotal)}  ${p.records.toLocaleString('en')} records`);
      drawn = true;
    },
    done() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}

/** A one-line bar for a job in phases (build, publish): "phase [####    ] done / total", on a terminal only. */
export function phaseBar(write: (s: string) => void, enabled: boolean): { update: (p: { phase: string; done: number; total: number }) => void; done: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
      const filled = Math.round(ratio * 30);
      write(`\r${p.phase.padEnd(9)} [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}   `);
      drawn = true;
    },
    done() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}
