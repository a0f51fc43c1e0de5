// Every labelled example of the reference, reviewed as of 2026-10-01: the exact set of rule ids must match.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lintClaim } from '../../electron/core/claims/lint.ts';
import { Claim } from '../../electron/shared/claims/model.ts';
import { RULES } from '../../electron/core/claims/rules/index.ts';

const Example = z.object({ id: z.string(), statement: z.string(), fields: z.record(z.string(), z.unknown()), expected_rules: z.array(z.string()) });
const examples = z.array(Example).parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/claims/examples.json'), 'utf8')));

describe('reference examples (as of 2026-10-01)', () => {
  it('has the 30 labelled examples', () => {
    expect(examples).toHaveLength(30);
  });

  it('every expected rule id exists', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const e of examples) for (const r of e.expected_rules) expect(ids.has(r), r).toBe(true);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const claim = Claim.parse({ id: e.id, statement: e.statement, ...e.fields });
    const findings = lintClaim(claim, { asOf: '2026-10-01' });
    expect(findings.map((f) => f.rule).sort()).toEqual([...e.expected_rules].sort());
    for (const f of findings) {
      expect(f.claim).toBe(e.id);
      expect(f.message).not.toBe('');
      expect(f.fix).not.toBe('');
    }
  });
});
