import type { PublishedThread } from '../../shared/curation/model.ts';
import type { ThreadKind, ThreadStatus } from '../../shared/model/thread.ts';
import { englishText, ratingLabel, sourceText } from './i18n.ts';
import { conversationLanguages, conversationTexts } from './language-detect.ts';
import type { KnownLanguages, UsedLanguages } from './language-detect.ts';
import type { SiteText } from './i18n.ts';
import { sourceLabel } from './labels.ts';
import { markdownToHtml } from './markdown.ts';
import { kindFolder, threadUrl } from './pages.ts';
import { topicNames, topicUrl } from './topics.ts';
import { textToHtml } from './trusted.ts';
import type { TrustedHtml } from './trusted.ts';

// A published thread as templates receive it: plain values with labels already worded. A summary is what list
// pages, the home page, the feed and the sitemap show; a thread view is the whole conversation on its own page.

/** A thread as list pages, the home page, the feed and the sitemap show it: no message text beyond an excerpt. */
export type ThreadSummary = {
  id: string;
  url: string;
  subject: string;
  hasSubject: boolean;
  kind: ThreadKind;
  kindLabel: string;
  source: string;
  sourceLabel: string;
  rating: number | null;
  status: ThreadStatus;
  statusLabel: string;
  openedAt: string;
  resolvedAt: string | null;
  lastActivityAt: string;
  customer: string;
  messageCount: number;
  replyCount: number;
  excerpt: string;
  topics: { name: string; url: string }[];
  /** Ready-made labels, so templates need no filters for the common cases. */
  kindUrl: string;
  stars: string;
  ratingLabel: string | null;
  /** The rating as the search page's filter names it ("4 stars", "No rating"), in the site's language. */
  ratingFilter: string;
  openedLabel: string;
  messagesLabel: string;
  /** A conversation that waits for the company's first public reply (praise does not need one). */
  awaitingReply: boolean;
  /** The language the conversation is written in (BCP 47), when it can be told; marked with `lang` on the page. */
  lang: string | null;
};

/** The first `max` UTF-16 units, without cutting a character (a surrogate pair) in half. */
function safeSlice(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function excerptOf(text: string, max = 220): string {
  // Only the start is shown: a long text's whitespace is folded in a part of it long enough to fill the excerpt
  // (a run of whitespace cut at its end still folds to the one space it folds to in the whole text).
  const head = text.length > 4 * max ? text.slice(0, 4 * max).replace(/\s+/g, ' ').trimStart() : null;
  const flat = head !== null && head.length > max + 1 ? head : text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = safeSlice(flat, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

function subjectOf(t: PublishedThread, tx: SiteText = englishText()): string {
  const s = (t.subject ?? '').replace(/\s+/g, ' ').trim();
  if (s) return s.length > 200 ? `${safeSlice(s, 199)}…` : s;
  const first = t.messages.find((m) => m.role === 'customer') ?? t.messages[0];
  return first ? excerptOf(first.body, 80) : tx.text('card.untitled', { kind: tx.text(`kind.${t.kind}`), id: t.id });
}

/** `tx`: the site's language (English when not given). */
export function summarize(t: PublishedThread, tx: SiteText = englishText()): ThreadSummary {
  const firstCustomer = t.messages.find((m) => m.role === 'customer');
  return {
    id: t.id,
    url: threadUrl(t.id),
    subject: subjectOf(t, tx),
    hasSubject: Boolean(t.subject && t.subject.trim()),
    kind: t.kind,
    kindLabel: tx.text(`kind.${t.kind}`),
    source: t.source,
    sourceLabel: sourceText(tx, t.source, sourceLabel(t.source)),
    rating: t.rating,
    status: t.status,
    statusLabel: tx.text(`status.${t.status}`),
    openedAt: t.openedAt,
    resolvedAt: t.resolvedAt,
    lastActivityAt: t.lastActivityAt,
    customer: t.customer,
    messageCount: t.messages.length,
    replyCount: t.messages.filter((m) => m.role === 'staff').length,
    excerpt: firstCustomer ? excerptOf(firstCustomer.body) : '',
    topics: topicNames(t).map((name) => ({ name, url: topicUrl(name) })),
    kindUrl: `${kindFolder(t.kind)}index.html`,
    stars: t.rating === null ? '' : '★'.repeat(t.rating) + '☆'.repeat(Math.max(0, 5 - t.rating)),
    ratingLabel: t.rating === null ? null : tx.text('card.rating', { stars: t.rating }),
    ratingFilter: ratingLabel(tx, t.rating),
    openedLabel: tx.date(t.openedAt),
    messagesLabel: tx.text('card.messages', { count: t.messages.length }),
    awaitingReply: t.kind !== 'praise' && !t.messages.some((m) => m.role === 'staff'),
    lang: languages(t).thread,
  };
}

/** Detected once per thread object: the summary and the thread page both ask. */
const detected = new WeakMap<PublishedThread, ReturnType<typeof conversationLanguages>>();
function languages(t: PublishedThread): ReturnType<typeof conversationLanguages> {
  let l = detected.get(t);
  if (!l) {
    l = conversationLanguages(conversationTexts(t.subject, t.messages.map((m) => m.body)));
    detected.set(t, l);
  }
  return l;
}

/**
 * Sets the thread's languages from detections kept for its exact texts, detecting the rest now. Returns every
 * text's detection when any was new (to be kept for the next build), else null.
 */
export function useKnownLanguages(t: PublishedThread, known: KnownLanguages): [string, string | null][] | null {
  const used: UsedLanguages = { keys: [], languages: [], fresh: false };
  detected.set(t, conversationLanguages(conversationTexts(t.subject, t.messages.map((m) => m.body)), known, used));
  if (!used.fresh) return null;
  // A text that repeats (the same reply twice) is kept once.
  const kept = new Map<string, string | null>();
  used.keys.forEach((key, i) => kept.set(key, used.languages[i]!));
  return [...kept];
}

const NONE_KNOWN: KnownLanguages = new Map();

/**
 * Summaries of threads read outside the render workers (the feed's newest, the publication log's), with their texts'
 * kept detections (text-languages.ts): detecting again gives the same languages, at a few milliseconds a thread.
 * `known`: by rowid; `rowidOf`: each thread's rowid by id.
 */
export function summarizeKnown(threads: Iterable<PublishedThread>, known: ReadonlyMap<number, KnownLanguages>, rowidOf: ReadonlyMap<string, number>, tx: SiteText): ThreadSummary[] {
  const out: ThreadSummary[] = [];
  for (const t of threads) {
    const rowid = rowidOf.get(t.id);
    useKnownLanguages(t, (rowid === undefined ? undefined : known.get(rowid)) ?? NONE_KNOWN);
    out.push(summarize(t, tx));
  }
  return out;
}

type MessageView = {
  id: string;
  role: string;
  roleLabel: string;
  author: string;
  sentAt: string;
  sentLabel: string;
  isCustomer: boolean;
  isStaff: boolean;
  html: TrustedHtml;
  /** The message's language when clear, else the conversation's (null: not known). */
  lang: string | null;
};

export type ThreadView = ThreadSummary & {
  outcome: string;
  firstReplySeconds: number | null;
  resolutionSeconds: number | null;
  openedFull: string;
  resolvedFull: string | null;
  firstReplyLabel: string;
  resolutionLabel: string | null;
  messages: MessageView[];
};

function secondsBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const d = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(d) && d >= 0 ? Math.round(d) : null;
}

/** Customer text is always escaped text; staff may write Markdown, which goes through the one sanitising renderer. */
export function messageHtml(role: string, format: string, body: string): TrustedHtml {
  return role === 'staff' && format === 'markdown' ? markdownToHtml(body) : textToHtml(body);
}

export function threadView(t: PublishedThread, summary: ThreadSummary = summarize(t), tx: SiteText = englishText()): ThreadView {
  const firstCustomer = t.messages.find((m) => m.role === 'customer');
  const firstReply = firstCustomer ? t.messages.find((m) => m.role === 'staff' && m.sentAt >= firstCustomer.sentAt) : undefined;
  const resolutionSeconds = t.status === 'resolved' ? secondsBetween(t.openedAt, t.resolvedAt) : null;
  // The subject counts towards the conversation's language but has no message of its own.
  const messageLanguages = languages(t).messages.slice(t.subject ? 1 : 0);
  const outcome = tx.text(`outcome.${t.status === 'open' && summary.replyCount === 0 ? 'awaiting' : t.status}`);
  const firstReplySeconds = secondsBetween(firstCustomer?.sentAt, firstReply?.sentAt);
  const openedFull = tx.dateTime(t.openedAt);
  const resolvedFull = t.resolvedAt ? tx.dateTime(t.resolvedAt) : null;
  // A thread opens with its first message and is often resolved with its last: those times are worded once.
  const sentLabel = (iso: string): string => (iso === t.openedAt ? openedFull : iso === t.resolvedAt && resolvedFull !== null ? resolvedFull : tx.dateTime(iso));
  // Worded once per role, not once per message.
  const roleLabels = new Map<string, string>();
  const roleLabel = (role: string): string => {
    let label = roleLabels.get(role);
    if (label === undefined) roleLabels.set(role, (label = tx.text(`role.${role}`)));
    return label;
  };
  return {
    ...summary,
    outcome,
    firstReplySeconds,
    resolutionSeconds,
    openedFull,
    resolvedFull,
    firstReplyLabel: firstReplySeconds === null ? tx.text('thread.noReplyYet') : tx.text('thread.firstReplyAfter', { duration: tx.duration(firstReplySeconds) }),
    resolutionLabel: resolutionSeconds === null ? null : tx.duration(resolutionSeconds),
    messages: t.messages.map((m, i) => ({
      id: m.id,
      role: m.role,
      roleLabel: roleLabel(m.role),
      author: m.author,
      sentAt: m.sentAt,
      sentLabel: sentLabel(m.sentAt),
      isCustomer: m.role === 'customer',
      isStaff: m.role === 'staff',
      html: messageHtml(m.role, m.format, m.body),
      lang: messageLanguages[i] ?? null,
    })),
  };
}
