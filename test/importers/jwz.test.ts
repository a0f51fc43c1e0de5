import { describe, expect, it } from 'vitest';
import { baseSubject, threadMessages } from '../../electron/core/importers/email/jwz.ts';
import type { MailItem } from '../../electron/core/importers/email/jwz.ts';

let key = 0;
function mail(messageId: string, opts: Partial<Omit<MailItem, 'key' | 'messageId'>> & { subject?: string } = {}): MailItem {
  const { base, reply } = baseSubject(opts.subject ?? 'Hello');
  return {
    key: key++,
    messageId,
    references: opts.references ?? [],
    inReplyTo: opts.inReplyTo ?? null,
    baseSubject: base,
    replyPrefix: reply,
    participants: opts.participants ?? ['a@example.com', 'support@acme.test'],
    time: opts.time ?? key * 1000,
    gmailThreadId: opts.gmailThreadId ?? null,
  };
}

/** Threads as sorted lists of message ids, with the thread id first. */
function shape(items: MailItem[]): string[][] {
  return threadMessages(items).map((t) => [t.id, ...t.items.map((i) => i.messageId).sort()]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('JWZ threading', () => {
  it('threads a reply that arrives before its parent', () => {
    const reply = mail('b', { references: ['a'], inReplyTo: 'a', subject: 'Re: Hello' });
    const parent = mail('a');
    const threads = threadMessages([reply, parent]);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.id).toBe('a');
    expect(threads[0]!.items.map((i) => i.messageId)).toEqual(['a', 'b']);
    expect([...threads[0]!.replies]).toEqual([reply.key]);
  });

  it('survives a message that references itself, and two messages that reference each other', () => {
    expect(shape([mail('self', { references: ['self'], inReplyTo: 'self' })])).toEqual([['self', 'self']]);
    expect(shape([mail('x', { references: ['y'] }), mail('y', { references: ['x'] })])).toHaveLength(1);
  });

  it('keeps replies to a missing parent together under a placeholder named for the parent', () => {
    const b = mail('b', { references: ['missing'], subject: 'Re: Hello' });
    const c = mail('c', { references: ['missing', 'b'], subject: 'Re: Hello' });
    const d = mail('d', { inReplyTo: 'missing', subject: 'Re: Hello' });
    const threads = threadMessages([b, c, d]);
    expect(threads.map((t) => [t.id, t.items.map((i) => i.messageId)])).toEqual([['missing', ['b', 'c', 'd']]]);
    // Only c quotes a message that is here (b); the others quote one that is missing, so nothing is folded.
    expect([...threads[0]!.replies]).toEqual([c.key]);
  });

  it('names a lone reply to a missing parent after the parent, so the thread keeps its id when the parent arrives', () => {
    expect(shape([mail('r', { references: ['p'] })])).toEqual([['p', 'r']]);
    expect(shape([mail('r2', { references: ['p2'] }), mail('p2')])).toEqual([['p2', 'p2', 'r2']]);
  });

  it('keeps two unrelated threads with the same subject apart', () => {
    const one = mail('one', { subject: 'Order problem', participants: ['bob@example.org', 'support@acme.test'] });
    const two = mail('two', { subject: 'Order problem', participants: ['carol@example.com', 'support@acme.test'] });
    expect(shape([one, two])).toEqual([['one', 'one'], ['two', 'two']]);
    // Even from the same person: without Re: and without references, a new message starts a new thread.
    expect(shape([mail('s1', { subject: 'Help' }), mail('s2', { subject: 'Help' })])).toHaveLength(2);
  });

  it('attaches a "Re:" without any threading headers to the earlier thread of the same subject and people', () => {
    const first = mail('q', { subject: 'Refund', participants: ['dee@example.com', 'support@acme.test'] });
    const reply = mail('r', { subject: 'RE: Refund', participants: ['support@acme.test', 'dee@example.com'] });
    const stranger = mail('z', { subject: 'Re: Refund', participants: ['zed@example.net', 'sales@acme.test'] });
    expect(shape([first, reply, stranger])).toEqual([['q', 'q', 'r'], ['z', 'z']]);
  });

  it('follows References over In-Reply-To for the chain, and In-Reply-To for the direct parent', () => {
    const a = mail('a');
    const b = mail('b', { references: ['a'] });
    const c = mail('c', { references: ['a'], inReplyTo: 'b' });
    const threads = threadMessages([a, b, c]);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.items.map((i) => i.messageId)).toEqual(['a', 'b', 'c']);
  });

  it('reads the same Message-ID twice as one message', () => {
    expect(shape([mail('dup'), mail('dup')])).toEqual([['dup', 'dup']]);
  });

  it("lets Gmail's X-GM-THRID decide where present", () => {
    const g1 = mail('g1', { gmailThreadId: '100', subject: 'Zip broke' });
    const g2 = mail('g2', { gmailThreadId: '100', subject: 'Re: Zip broke' }); // no References: Gmail still knows
    const g3 = mail('g3', { gmailThreadId: '200', references: ['g1'], subject: 'New question' }); // Gmail split it off
    expect(shape([g1, g2, g3])).toEqual([['gmail-thread:100', 'g1', 'g2'], ['gmail-thread:200', 'g3']]);
  });

  it('strips reply and forward prefixes (and list tags) from subjects', () => {
    expect(baseSubject('Re: [acme] Fwd: AW: Hello  World')).toEqual({ base: 'hello world', reply: true });
    expect(baseSubject('Hello')).toEqual({ base: 'hello', reply: false });
    expect(baseSubject('Re[2]: x')).toEqual({ base: 'x', reply: true });
  });
});
