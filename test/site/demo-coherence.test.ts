import { describe, expect, it } from 'vitest';
import { demoClaims } from '../../electron/core/demo/claims.ts';
import type { ClaimPlan } from '../../electron/core/demo/claims.ts';
import { DEMO_TOPIC_RULES } from '../../electron/core/demo/create.ts';
import { seeded } from '../../electron/core/demo/random.ts';
import { demoThreads } from '../../electron/core/demo/threads.ts';
import { compileTopicRules, topicsFor } from '../../electron/core/curation/topics.ts';

// The demo is the first thing a new user sees: its conversations must be about products they could be about, its
// claims must never show a figure or evidence dated after the revision that shows it, and its topic rules must not
// fire on a product's name.

const threads = demoThreads(seeded(20260301), 236).map((t) => ({ subject: t.record.subject ?? '', text: t.record.messages.map((m) => m.body).join('\n') }));

describe('the demo\'s conversations', () => {
  it.each([
    ['Jacket leaks at the seams', /Skiddaw waterproof jacket|Ullswater rain shell/],
    ['Sole came off my boots', /Borrowdale walking boots/],
    ['Pilling after one wash', /Langdale fleece|Coniston merino base layer/],
    ['Care instructions for down', /Helvellyn down parka/],
    ['Zip broke after two weeks', /jacket|shell|parka|gilet/],
    ['Warm and dry on the Cuillin', /Skiddaw waterproof jacket|Ullswater rain shell/],
  ])('"%s" names a product it can be about', (subject, product) => {
    const found = threads.filter((t) => t.subject === subject);
    for (const t of found) expect(t.text).toMatch(product);
  });

  it('never has socks leak, zip or lose a sole', () => {
    for (const t of threads) {
      if (/leak|zip|sole came|down wash/i.test(t.text)) expect(t.text, t.subject).not.toContain('Grasmere wool socks');
    }
  });
});

/** Each revision of a plan as it is published: when, and the claim as it stands then. */
function revisions(plan: ClaimPlan): { at: string; asOf?: string; issued: (string | null)[] }[] {
  if (!plan.publishAt) return [];
  let claim = plan.claim;
  const out = [{ at: plan.publishAt, asOf: claim.current_as_of, issued: claim.evidence.map((e) => e.issued) }];
  for (const u of plan.updates ?? []) {
    claim = { ...claim, ...u.change };
    out.push({ at: u.at, asOf: claim.current_as_of, issued: claim.evidence.map((e) => e.issued) });
  }
  return out;
}

describe('the demo\'s claims', () => {
  it.each(demoClaims().map((p) => [p.claim.id, p] as const))('%s: no revision shows a value or evidence dated after it', (_id, plan) => {
    for (const r of revisions(plan)) {
      if (r.asOf) expect(r.asOf <= r.at.slice(0, 10), `value as of ${r.asOf} shown by the revision of ${r.at}`).toBe(true);
      for (const issued of r.issued) if (issued) expect(issued <= r.at.slice(0, 10), `evidence issued ${issued} in the revision of ${r.at}`).toBe(true);
    }
  });
});

describe('the demo\'s topic rules', () => {
  const compiled = compileTopicRules(DEMO_TOPIC_RULES);
  it.each([
    ['Wore the Skiddaw waterproof jacket for four days on Skye. Worth every penny.', false],
    ['Is the Skiddaw waterproof jacket suitable for winter?', false],
    ['My "waterproof" Ullswater rain shell leaks at the shoulder seams.', true],
    ['My jacket is no longer waterproof after two washes.', true],
  ])('%s -> Waterproofing: %s', (text, expected) => {
    expect(topicsFor(text, compiled).includes('Waterproofing')).toBe(expected);
  });
});
