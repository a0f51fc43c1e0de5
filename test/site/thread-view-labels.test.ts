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

describe("a list item's excerpt", () => {
  it('is the start of the whole text with its whitespace folded, for long texts too (real texts, naughty strings)', () => {
    const excerpt = (text: string, max: number): string => {
      const flat = text.replace(/\s+/g, ' ').trim();
      if (flat.length <= max) return flat;
      const code = flat.charCodeAt(max - 1);
      const cut = flat.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
      const space = cut.lastIndexOf(' ');
      return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
    };
    // Long texts made of real ones, joined by runs of whitespace of every length, so a run meets every cut.
    const spaces = [' ', '\n\n', ' \t \r\n ', '\u00a0\u2028', ' '.repeat(900)];
    let checked = 0;
    for (let i = 0; i < texts.length; i += 3) {
      let body = i % 2 ? spaces[i % spaces.length]! : '';
      for (let k = 0; body.length < 200 + (i % 40) * 60; k++) body += texts[(i + k) % texts.length]! + spaces[(i + k) % spaces.length]!;
      const t = threads(1)[0]!;
      const long = PublishedThread.parse({ ...t, subject: null, messages: [{ ...t.messages[0]!, role: 'customer', body }] });
      const s = summarize(long);
      expect(s.excerpt).toBe(excerpt(body, 220));
      expect(s.subject).toBe(excerpt(body, 80));
      if (body.length > 880) checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
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
