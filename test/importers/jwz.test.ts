import { describe, expect, it } from 'vitest';
import { baseSubject, Threader } from '../../electron/core/importers/email/jwz.ts';
import type { MailHeaders } from '../../electron/core/importers/email/jwz.ts';

type Mail = MailHeaders & { n: number };
let counter = 0;
function mail(messageId: string, opts: Partial<Omit<MailHeaders, 'messageId'>> & { subject?: string } = {}): Mail {
  const { base, reply } = baseSubject(opts.subject ?? 'Hello');
  counter++;
  return {
    n: counter,
    messageId,
    references: opts.references ?? [],
    inReplyTo: opts.inReplyTo ?? null,
    baseSubject: base,
    replyPrefix: reply,
    participants: opts.participants ?? ['a@example.com', 'support@acme.test'],
    time: opts.time ?? counter * 1000,
    gmailThreadId: opts.gmailThreadId ?? null,
  };
}

/** Threads as { id, message ids in tree order, ids of messages whose quoted history may be folded }. */
function threadMessages(mails: Mail[]): { id: string; items: string[]; replies: string[] }[] {
  const t = new Threader();
  const byKey: string[] = [];
  for (const m of mails) {
    const key = t.add(m);
    if (key !== null) byKey[key] = m.messageId;
  }
  return t.finish().map((th) => ({ id: th.id, items: th.keys.map((k) => byKey[k]!), replies: th.keys.filter((k) => t.repliesToPresent(k)).map((k) => byKey[k]!) }));
}

/** Threads as sorted lists of message ids, with the thread id first. */
function shape(mails: Mail[]): string[][] {
  return threadMessages(mails).map((t) => [t.id, ...[...t.items].sort()]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('JWZ threading', () => {
  it('threads a reply that arrives before its parent', () => {
    const reply = mail('b', { references: ['a'], inReplyTo: 'a', subject: 'Re: Hello' });
    const parent = mail('a');
    expect(threadMessages([reply, parent])).toEqual([{ id: 'a', items: ['a', 'b'], replies: ['b'] }]);
  });

  it('survives a message that references itself, and two messages that reference each other', () => {
    expect(shape([mail('self', { references: ['self'], inReplyTo: 'self' })])).toEqual([['self', 'self']]);
    expect(shape([mail('x', { references: ['y'] }), mail('y', { references: ['x'] })])).toHaveLength(1);
  });

  it('keeps replies to a missing parent together under a placeholder named for the parent', () => {
    const b = mail('b', { references: ['missing'], subject: 'Re: Hello' });
    const c = mail('c', { references: ['missing', 'b'], subject: 'Re: Hello' });
    const d = mail('d', { inReplyTo: 'missing', subject: 'Re: Hello' });
    // Only c quotes a message that is here (b); the others quote one that is missing, so nothing is folded.
    expect(threadMessages([b, c, d])).toEqual([{ id: 'missing', items: ['b', 'c', 'd'], replies: ['c'] }]);
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
    expect(threadMessages([a, b, c]).map((t) => t.items)).toEqual([['a', 'b', 'c']]);
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
