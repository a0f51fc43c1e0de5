import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanMbox, unquoteFrom } from '../../electron/core/importers/email/mbox.ts';
import { foldQuotedHistory } from '../../electron/core/importers/email/quotes.ts';
import { parseMailDate } from '../../electron/core/importers/email/headers.ts';
import type { Workspace } from '../../electron/core/workspace.ts';
import { tempDir, tempWorkspace, writeTemp } from '../helpers/workspace.ts';
import { counts, fixture, importOne, messagePrivate, thread, threadsOf, visibleText } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe('email: mbox', () => {
  it('threads an mbox by Message-ID/References and tells staff from customers by address', async () => {
    const report = await importOne(ws, fixture('email', 'support.mbox'), { staff: ['@acme.test'] });
    expect(report).toMatchObject({ format: 'email', threadsCreated: 5, threadsUpdated: 0, messagesCreated: 8, internalNotes: 0, rejected: [] });
    expect(threadsOf(ws, 'email').map((t) => [t.externalId, t.messages.length])).toEqual([
      ['a1.maria@example.net', 3], ['b1.bob@example.org', 1], ['c1.carol@example.com', 1], ['d1.erin@example.net', 2], ['e1.survey@acme.test', 1],
    ]);
    const a = thread(ws, 'email', 'a1.maria@example.net');
    expect(a.subject).toBe('Kettle lid cracked');
    expect(a.messages.map((m) => [m.role, m.authorName, m.sentAt])).toEqual([
      ['customer', 'Maria Lopez', '2024-03-04T09:15:02.000Z'],
      ['staff', 'Sam Carter', '2024-03-04T10:05:10.000Z'],
      ['customer', 'María López', '2024-03-06T16:40:11.000Z'],
    ]);
    expect(a.privateData).toMatchObject({ 'customer.email': 'maria@example.net', 'customer.name': 'Maria Lopez' });
    expect(messagePrivate(ws, a.id, 'a2.sam@acme.test')).toEqual({ from: 'sam@acme.test', to: 'maria@example.net' });
  });

  it('unquotes ">From " lines (mboxrd) and keeps every other byte', async () => {
    await importOne(ws, fixture('email', 'support.mbox'));
    expect(thread(ws, 'email', 'a1.maria@example.net').messages[0]!.body).toBe('Hello,\n\nmy kettle (order A-20931) arrived with a cracked lid.\nFrom what I can see the box was crushed.\n\nMaria');
    expect(thread(ws, 'email', 'b1.bob@example.org').messages[0]!.body).toBe('My order arrived but the mug is chipped. Très déçu.\n>From now on I will check before signing.');
    const carol = thread(ws, 'email', 'c1.carol@example.com').messages[0]!;
    expect(carol.body).toBe('I was sent the wrong colour. Photo attached.\n>>From the photo you can see it is blue, not green.');
    expect(carol.attachments).toEqual([{ name: 'photo.png', size: 40, contentType: 'image/png' }]);
  });

  it('folds quoted history in replies, converts HTML-only mail, and drops scripts and tracking pixels', async () => {
    await importOne(ws, fixture('email', 'support.mbox'));
    const [, sam, maria] = thread(ws, 'email', 'a1.maria@example.net').messages;
    expect(sam!.body).toBe("Hi Maria,\n\nI'm sorry about the lid. I've refunded the kettle in full.\n\nSam");
    expect(maria!.body).toBe('Got it, thanks!');
    expect(visibleText(ws)).not.toMatch(/alert|track\.example|<div|gmail_quote/);
  });

  it('threads a reply before its parent, and keeps the quote of a reply whose parent is missing', async () => {
    await importOne(ws, fixture('email', 'support.mbox'));
    expect(thread(ws, 'email', 'd1.erin@example.net').messages.map((m) => m.body)).toEqual(['Could you send me a copy of my invoice?', 'Here is the invoice you asked for.']);
    const survey = thread(ws, 'email', 'e1.survey@acme.test');
    expect(survey.subject).toBe('Your survey');
    expect(survey.messages[0]!.body).toBe('Happy to help: 4 out of 5.\n\n> How likely are you to recommend us?');
  });

  it('keeps two unrelated threads with the same subject apart', async () => {
    await importOne(ws, fixture('email', 'support.mbox'));
    expect(threadsOf(ws, 'email').filter((t) => t.subject === 'Order problem')).toHaveLength(2);
  });

  it('uses the staff addresses saved in the workspace by an earlier --staff', async () => {
    await importOne(ws, fixture('email', 'eml', '03-other.eml'), { staff: ['support@acme.test', '@acme.test'] });
    await importOne(ws, fixture('email', 'support.mbox'));
    expect(thread(ws, 'email', 'd1.erin@example.net').messages.map((m) => m.role)).toEqual(['customer', 'staff']);
  });

  it("uses Gmail's X-GM-THRID when present", async () => {
    const report = await importOne(ws, fixture('email', 'gmail-takeout.mbox'), { staff: ['support@acme.test'] });
    expect(report).toMatchObject({ threadsCreated: 2, messagesCreated: 3, rejected: [] });
    expect(threadsOf(ws, 'email').map((t) => [t.externalId, t.messages.map((m) => m.role)])).toEqual([
      ['gmail-thread:1790000000000000001', ['customer', 'staff']],
      ['gmail-thread:1790000000000000002', ['customer']],
    ]);
  });

  it('re-importing creates nothing', async () => {
    await importOne(ws, fixture('email', 'support.mbox'));
    expect(await importOne(ws, fixture('email', 'support.mbox'))).toMatchObject({ threadsCreated: 0, threadsUpdated: 0, messagesCreated: 0 });
  });

  it('a new reply in a later export is appended to its thread', async () => {
    const { dir, cleanup: done } = tempDir();
    try {
      await importOne(ws, fixture('email', 'support.mbox'));
      const extra = 'From erin@example.net Fri Mar  8 09:00:00 2024\nFrom: Erin <erin@example.net>\nSubject: Re: Invoice copy\nDate: Fri, 8 Mar 2024 09:00:00 +0000\nMessage-ID: <d3.erin@example.net>\nReferences: <d1.erin@example.net> <d2.dan@acme.test>\n\nThanks, got it.\n';
      const report = await importOne(ws, writeTemp(dir, 'later.mbox', extra));
      expect(report).toMatchObject({ threadsCreated: 0, threadsUpdated: 1, messagesCreated: 1 });
      expect(thread(ws, 'email', 'd1.erin@example.net').messages).toHaveLength(3);
    } finally {
      done();
    }
  });
});

describe('email: .eml files and folders', () => {
  it('imports a folder of .eml files, threading across files; other files are ignored', async () => {
    const report = await importOne(ws, fixture('email', 'eml'), { staff: ['@acme.test'] });
    expect(report).toMatchObject({ format: 'email', threadsCreated: 2, messagesCreated: 3, rejected: [] });
    const t = thread(ws, 'email', 'h1@example.fr');
    expect(t.subject).toBe('Problème de livraison');
    expect(t.messages.map((m) => [m.role, m.body])).toEqual([
      ['customer', 'Mon colis est arrivé ouvert.'],
      // Outlook's "-----Original Message-----" history is folded away.
      ['staff', "Désolés, Hugo. Nous vous renvoyons la commande aujourd'hui."],
    ]);
  });

  it('imports one .eml file', async () => {
    expect(await importOne(ws, fixture('email', 'eml', '03-other.eml'))).toMatchObject({ format: 'email', threadsCreated: 1, messagesCreated: 1 });
  });

  it('reports a message without a readable date by its file', async () => {
    const report = await importOne(ws, fixture('email', 'no-date.eml'));
    expect(report.rejected).toEqual([{ location: 'no-date.eml', reason: 'the message has no readable Date header (and no date on its mbox separator line)' }]);
    expect(counts(ws)).toEqual({ threads: 0, messages: 0 });
  });

  it('an empty folder is a clear fatal error', async () => {
    const { dir, cleanup: done } = tempDir();
    try {
      await expect(importOne(ws, dir, { format: 'email' })).rejects.toThrow(/no e-mail found: looked at 0 files/);
    } finally {
      done();
    }
  });
});

describe('mbox splitting', () => {
  it('splits on "From " lines that start the file, follow an empty line or have the separator shape', async () => {
    const { dir, cleanup: done } = tempDir();
    try {
      const text = [
        'From a@example.com Mon Jan  1 10:00:00 2024', 'Subject: one', '', 'body', 'From here on it is body text (mboxo forgot to quote it)', '',
        'From b@example.com Mon Jan  1 11:00:00 2024', 'Subject: two', '', 'second', '',
      ].join('\r\n');
      const spans = [];
      for await (const s of scanMbox(writeTemp(dir, 'x.mbox', text))) spans.push(s);
      expect(spans.map((s) => [s.line, s.header.toString()])).toEqual([[1, 'Subject: one\r\n'], [7, 'Subject: two\r\n']]);
    } finally {
      done();
    }
  });

  it('unquotes one ">" from ">From ", ">>From "… and nothing else', () => {
    const raw = Buffer.from('a\n>From x\n>>From y\n> From z\n>Fromage\nFrom w');
    expect(unquoteFrom(raw).toString()).toBe('a\nFrom x\n>From y\n> From z\n>Fromage\nFrom w');
  });
});

describe('quoted history', () => {
  it.each([
    ['bottom attribution', 'Thanks!\n\nOn Mon, 4 Mar 2024 at 10:15, Maria <m@example.net> wrote:\n> Hello\n> there', 'Thanks!'],
    ['wrapped attribution', 'Thanks!\n\nOn Mon, 4 Mar 2024 at 10:15, Maria Lopez <maria.lopez@example.net>\nwrote:\n> Hello', 'Thanks!'],
    ['French attribution', 'Merci.\n\nLe lun. 4 mars 2024 à 10:15, Maria a écrit :\n> Bonjour', 'Merci.'],
    ['Outlook original message', 'Done.\n\n-----Original Message-----\nFrom: X\nSent: today\nSubject: y\n\nold text', 'Done.'],
    ['Outlook header block', 'Done.\n\n________________________________\nFrom: X <x@example.com>\nSent: Monday\nTo: Y\nSubject: Z\n\nold', 'Done.'],
    ['trailing quote block', 'Sure.\n\n> earlier\n> text', 'Sure.'],
  ])('folds %s', (_name, input, expected) => {
    expect(foldQuotedHistory(input)).toBe(expected);
  });

  it.each([
    ['inline answers', '> Can you ship Monday?\nYes.\n> And the invoice?\nAttached.'],
    ['a forwarded message', 'See below.\n\n---------- Forwarded message ---------\nFrom: A <a@example.com>\nDate: Mon\nSubject: B\nTo: C\n\nBody'],
    ['a message that is only a quote', '> everything quoted'],
  ])('keeps %s', (_name, input) => {
    expect(foldQuotedHistory(input)).toBe(input);
  });
});

describe('mail dates', () => {
  it.each([
    ['Tue, 1 Jul 2003 10:52:37 +0200', '2003-07-01T08:52:37.000Z'],
    ['1 Jul 2003 10:52 GMT', '2003-07-01T10:52:00.000Z'],
    ['Tue, 01 Jul 03 10:52:37 EDT', '2003-07-01T14:52:37.000Z'],
    ['Tue, 1 Jul 2003 10:52:37', '2003-07-01T10:52:37.000Z'],
    ['Tue Jul  1 10:52:37 2003', '2003-07-01T10:52:37.000Z'],
    ['Mon Jan 01 00:00:00 +0000 2024', '2024-01-01T00:00:00.000Z'],
    ['Tue, 1 Jul 2003 10:52:37 +0200 (CEST)', '2003-07-01T08:52:37.000Z'],
  ])('%s', (input, iso) => {
    expect(new Date(parseMailDate(input)!).toISOString()).toBe(iso);
  });

  it.each(['Fri, 30 Feb 2024 10:00:00 +0000', 'yesterday', ''])('rejects %j', (input) => {
    expect(parseMailDate(input)).toBeNull();
  });
});
