import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCards } from '../../electron/core/site/render/cards.ts';
import { tempDir } from '../helpers/workspace.ts';

// List pages take their items from the cards file, reading runs of nearby items at once: every item must come back
// whole and in the order the page asked for, whatever the ranges look like.

const t = tempDir('candor-cards-');
afterAll(() => t.cleanup());

function cardsFile(items: string[], padding: (i: number) => number): { file: string; ranges: [number, number][] } {
  const parts: Buffer[] = [];
  const ranges: [number, number][] = [];
  let at = 0;
  items.forEach((item, i) => {
    const pad = Buffer.alloc(padding(i), 0x2e);
    parts.push(pad);
    at += pad.length;
    const bytes = Buffer.from(item, 'utf8');
    ranges.push([at, bytes.length]);
    parts.push(bytes);
    at += bytes.length;
  });
  const file = join(t.dir, `cards-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, Buffer.concat(parts));
  return { file, ranges };
}

describe('reading list items', () => {
  const items = Array.from({ length: 300 }, (_, i) => `<article>${i} ${'é★'.repeat(i % 7)} ${'x'.repeat((i * 37) % 900)}</article>\n`);
  it.each([
    ['next to each other', () => 0],
    ['with small gaps', (i: number) => (i * 131) % 5000],
    ['far apart (more than one read)', (i: number) => (i % 3 === 0 ? 40_000 : 10)],
    ['spread over more than a megabyte', () => 9000],
  ])('%s, asked for in any order, with repeats', (_name, padding) => {
    const { file, ranges } = cardsFile(items, padding);
    const pick = [5, 3, 299, 0, 150, 151, 3, 42, 298, 1, 2, 200, 100];
    const fd = openSync(file, 'r');
    try {
      expect(readCards(fd, pick.map((i) => ranges[i]!))).toEqual(pick.map((i) => items[i]));
      expect(readCards(fd, ranges)).toEqual(items);
      expect(readCards(fd, [])).toEqual([]);
    } finally {
      closeSync(fd);
    }
  });

  it('says so when the file is shorter than the ranges', () => {
    const { file, ranges } = cardsFile(items.slice(0, 3), () => 0);
    const fd = openSync(file, 'r');
    try {
      expect(() => readCards(fd, [[ranges[2]![0], ranges[2]![1] + 10]])).toThrow(/shorter than recorded/);
    } finally {
      closeSync(fd);
    }
  });
});
