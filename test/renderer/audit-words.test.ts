import { describe, expect, it } from 'vitest';
import { actionName, describeAction, describeEntry } from '../../electron/shared/audit-words.ts';

// Corrections in the audit log and the undo toast, in words: what changed, on which conversation.

const subject = (id: string) => (id === 't1' ? 'Kettle arrived with a cracked lid' : null);
const thread = (before: object, after: object) => ({ action: 'thread.correct', entityType: 'thread', entityId: 't1', before, after });
const role = (from: string, to: string) => ({ action: 'message.correct', entityType: 'message', entityId: 'm2', before: { thread: 't1', role: from }, after: { thread: 't1', role: to } });

describe('corrections in words', () => {
  it.each([
    [thread({ kind: 'praise', status: 'open' }, { kind: 'complaint', status: 'open' }), 'Corrected “Kettle arrived with a cracked lid”: kind praise → complaint'],
    [thread({ kind: 'praise', status: 'open' }, { kind: 'praise', status: 'resolved' }), 'Corrected “Kettle arrived with a cracked lid”: status open → resolved'],
    [thread({ kind: 'question', status: 'open' }, { kind: 'complaint', status: 'unresolved' }), 'Corrected “Kettle arrived with a cracked lid”: kind question → complaint; status open → unresolved'],
    [role('customer', 'staff'), 'Author corrected in “Kettle arrived with a cracked lid”: a message by the customer is now by staff'],
  ])('%# %o', (entry, toast) => {
    expect(describeAction([entry], subject)).toBe(toast);
  });

  it.each([
    [{ action: 'redaction.accept', entityType: 'thread', entityId: 't1', before: { status: 'pending' }, after: { kind: 'account', status: 'accepted' } }, 'Removal confirmed: Order or account number in “Kettle arrived with a cracked lid”'],
    [{ action: 'redaction.keep', entityType: 'thread', entityId: 't1', before: { status: 'pending' }, after: { kind: 'national-id', status: 'rejected', reason: 'fake' } }, 'Kept as written: National ID number in “Kettle arrived with a cracked lid”'],
    [{ action: 'redaction.review', entityType: 'thread', entityId: 't1', before: {}, after: { removed: 2, kept: 0 } }, 'Personal data reviewed in “Kettle arrived with a cracked lid”'],
  ])('one finding is named, a whole review is not: %#', (entry, toast) => {
    expect(describeAction([entry], subject)).toBe(toast);
  });

  it('names the actions for the audit filter and describes one entry', () => {
    expect(actionName('thread.correct')).toBe('Kind or status corrected');
    expect(actionName('message.correct')).toBe('Author corrected');
    expect(describeEntry(role('staff', 'customer'))).toBe('A message by staff is now by the customer');
    expect(describeAction([role('customer', 'staff'), role('customer', 'system')], subject)).toBe('Author corrected in “Kettle arrived with a cracked lid”: 2 messages');
  });
});
