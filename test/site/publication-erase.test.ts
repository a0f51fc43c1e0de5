// A customer erased (GDPR Art. 17) after their conversation was published leaves no id in the site's history, and
// the history still verifies: the chain is over commitments to the ids, not the ids.
import { describe, expect, it } from 'vitest';
import { checkChain, countPublished, diffStates, entryHash, eraseFromEntry, nextEntry, serializeLog } from '../../electron/core/site/publication-log.ts';
import type { LogEntry, PublicationState } from '../../electron/core/site/publication-log.ts';

const claims = { now: new Map(), before: new Map() };
const why = () => ({ reason: 'legal', label: 'Legal' });

const between = (before: PublicationState, after: PublicationState) => ({ diff: diffStates(before, after), published: countPublished(after), before });

function history(): LogEntry[] {
  const first = nextEntry({ previous: null, ...between(new Map(), new Map([['thread:t_alice', 'v1'], ['thread:t_bob', 'v1']])), date: '2026-11-01', dataVersion: 1, why, claims })!;
  const second = nextEntry({ previous: { entry: first, manifest: 'a'.repeat(64) }, ...between(new Map([['thread:t_alice', 'v1'], ['thread:t_bob', 'v1']]), new Map([['thread:t_alice', 'v2']])), date: '2026-11-02', dataVersion: 2, why, claims })!;
  return [first, second];
}

describe('erasure in the publication log', () => {
  it('removes the id from every entry and keeps each entry hash, so the chain still verifies', () => {
    const entries = history();
    expect(checkChain(serializeLog(entries))).toBeNull();
    const erased = entries.map((e) => eraseFromEntry(e, new Set(['t_bob'])));
    const text = serializeLog(erased);
    expect(text).not.toContain('t_bob');
    expect(text).toContain('t_alice');
    expect(erased.map(entryHash)).toEqual(entries.map(entryHash));
    expect(checkChain(text)).toBeNull();
    // The withdrawal stays, with the reason it had (a reason is not personal data), without the id.
    expect(erased[1]!.threads.withdrawn[0]).toMatchObject({ reason: 'legal', id: expect.stringMatching(/^erased:[0-9a-f]{64}$/) });
  });

  it('still catches an edit that is not an erasure', () => {
    const [first, second] = history();
    const edited = { ...first!, threads: { ...first!.threads, added: ['t_alice'] } };
    expect(checkChain(serializeLog([edited, second!]))).toMatch(/history was edited/);
  });
});
