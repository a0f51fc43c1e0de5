import { describe, expect, it } from 'vitest';
import { BIAS_MARGIN_POINTS, biasCheck } from '../../electron/core/site/bias-check.ts';

// The publication-bias check compares what is published with everything received and says so in a plain sentence
// when they differ by more than the margin.

type Counts = Record<string, number>;

function check(received: { complaints: number; total: number; ratings?: Counts }, published: { complaints: number; total: number; ratings?: Counts }) {
  return biasCheck(
    { byKind: { complaint: received.complaints, praise: received.total - received.complaints }, byRating: received.ratings ?? {} },
    { imported: received.total, published: published.total, publishedByKind: { complaint: published.complaints }, publishedByRating: published.ratings ?? {} },
  );
}

describe('the publication-bias check', () => {
  it('has a set margin of five percentage points', () => {
    expect(BIAS_MARGIN_POINTS).toBe(5);
  });

  it.each([
    // received complaints/total, published complaints/total, says so?
    [44, 100, 38, 100, true, 'Complaints are 44% of what we received and 38% of what we publish.'],
    [44, 100, 40, 100, false, null],
    // Exactly the margin is within it; one point more is not.
    [44, 100, 39, 100, false, null],
    [50, 100, 56, 100, true, 'Complaints are 50% of what we received and 56% of what we publish.'],
  ])('complaints %i of %i received, %i of %i published', (rc, rt, pc, pt, differs, sentence) => {
    const r = check({ complaints: rc, total: rt }, { complaints: pc, total: pt });
    expect(r.complaints.differs).toBe(differs);
    if (sentence) expect(r.findings).toContain(sentence);
    else expect(r.findings).toEqual([]);
    expect(r.summary).toMatch(differs ? /differs from what we received by more than 5 percentage points/ : /matches what we received within 5 percentage points/);
  });

  it('speaks up when low ratings are held back', () => {
    const r = check({ complaints: 0, total: 100, ratings: { 1: 30, 2: 10, 5: 60 } }, { complaints: 0, total: 70, ratings: { 1: 10, 2: 0, 5: 60 } });
    expect(r.lowRatings.differs).toBe(true);
    expect(r.findings).toContain('One- and two-star ratings are 40% of the rated conversations we received and 14% of those we publish.');
    expect(r.findings).toContain('5-star ratings are 60% of the rated conversations we received and 86% of those we publish.');
    expect(r.ratings.find((x) => x.stars === 1)!.differs).toBe(true);
  });

  it('has nothing to compare before anything is published', () => {
    const r = check({ complaints: 10, total: 20 }, { complaints: 0, total: 0 });
    expect(r.comparable).toBe(false);
    expect(r.findings).toEqual([]);
    expect(r.summary).toBe('Nothing has been published yet, so there is nothing to compare.');
  });
});
