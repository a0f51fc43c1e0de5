import { describe, expect, it } from 'vitest';
import { naughtyStrings, realStrings } from '../helpers/real-strings.ts';
import { PublishedThread } from '../../electron/shared/curation/model.ts';
import { SITE_LANGUAGES, SiteText, siteMessages } from '../../electron/core/site/i18n.ts';
import { messageHtml, summarize, threadView } from '../../electron/core/site/thread-views.ts';
import { escapeHtml, textToHtml } from '../../electron/core/site/trusted.ts';

// A thread page words each message's role and time. Labels that repeat within a thread (a role, the opening time that
// is also the first message's, the resolution that is also the last's) are worded once; every message must still
// read as if worded alone, in every site language, on real texts.

const texts = [...realStrings(), ...naughtyStrings()];
const ROLES = ['customer', 'staff', 'system'] as const;

/** Threads of real texts whose messages' times are in turn the opening, the resolution and times of their own. */
function threads(n: number): PublishedThread[] {
  let at = 0;
  const next = (): string => texts[at++ % texts.length]!;
  const opened = '2026-01-02T03:04:05Z';
  const resolved = '2026-01-03T22:59:00.000Z';
  return Array.from({ length: n }, (_, i) => PublishedThread.parse({
    id: `t-${i}`, source: 'email', kind: 'complaint', subject: i % 5 ? next() : null, rating: null,
    status: i % 4 ? 'resolved' : 'open', openedAt: opened, resolvedAt: i % 4 ? resolved : null, lastActivityAt: resolved,
    tags: [], topics: [], customer: next(), decision: 'publish',
    messages: Array.from({ length: 1 + (i % 5) }, (_, k) => ({
      id: `m-${i}-${k}`, role: ROLES[(i + k) % 3], author: next(), body: next(), format: k % 2 ? 'markdown' : 'text',
      sentAt: [opened, resolved, `2026-0${1 + (k % 9)}-1${k % 10}T1${k % 10}:0${i % 10}:00Z`, 'not a date'][(i + k) % 4],
    })),
  }));
}

describe("a thread page's message labels", () => {
  it('word each message as if alone, in every site language', () => {
    const all = threads(600);
    let reused = 0;
    for (const lang of SITE_LANGUAGES) {
      const tx = new SiteText(lang, siteMessages(lang));
      for (const t of all) {
        const view = threadView(t, summarize(t, tx), tx);
        view.messages.forEach((m, k) => {
          const source = t.messages[k]!;
          expect(m.sentLabel, `${lang} ${source.sentAt}`).toBe(tx.dateTime(source.sentAt));
          expect(m.roleLabel).toBe(tx.text(`role.${source.role}`));
          expect(m.html.html).toBe(messageHtml(source.role, source.format, source.body).html);
          if (source.sentAt === t.openedAt || source.sentAt === t.resolvedAt) reused++;
        });
        expect(view.openedFull).toBe(tx.dateTime(t.openedAt));
        expect(view.resolvedFull).toBe(t.resolvedAt ? tx.dateTime(t.resolvedAt) : null);
      }
    }
    expect(reused).toBeGreaterThan(1000);
  }, 60_000);
});

describe('plain text as HTML', () => {
  it('reads carriage returns as before and gives the same bytes without them (real texts, naughty strings)', () => {
    const slow = (text: string): string => {
      const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/).map((p) => p.trim()).filter(Boolean);
      return paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`).join('\n');
    };
    let withCr = 0;
    for (const text of texts.flatMap((x) => [x, x.replaceAll('\n', '\r\n'), `${x}\r${x}`])) {
      if (text.includes('\r')) withCr++;
      expect(textToHtml(text).html, JSON.stringify(text)).toBe(slow(text));
    }
    expect(withCr).toBeGreaterThan(texts.length);
  });
});
