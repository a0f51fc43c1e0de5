import type { DatabaseSync } from 'node:sqlite';
import { conversationTexts, detectionsOf } from './language-detect.ts';
import type { KnownLanguages } from './language-detect.ts';
import { applyRedactions } from '../curation/pii/redact.ts';
import type { PiiKind } from '../../shared/curation/pii-finding.ts';

// The languages of a thread's texts, detected once when its text is scanned (a scan runs whenever the text changed,
// whoever changed it: an import, a re-import, a correction) and read by every site build after. A row is a text's
// hash and what detection said of it, so a build uses it only for that exact text (migration 0140).

type Found = { location: string; start: number; end: number; kind: PiiKind };

/** The text as published while no curator has reviewed its findings (every finding is removed until rejected). */
function redacted(text: string, location: string, findings: readonly Found[]): string {
  const spans = findings.filter((f) => f.location === location);
  return spans.length ? applyRedactions(text, spans) : text;
}

/**
 * Detects and keeps the languages of one thread's publishable texts (replacing what was kept for its old text): as
 * written, and as published with the scan's findings removed, which is what a build detects until a curator reviews.
 */
export function rememberLanguages(db: DatabaseSync, rowid: number, t: { subject: string | null; messages: readonly { id: string; body: string }[] }, findings: readonly Found[]): void {
  db.prepare('DELETE FROM text_languages WHERE thread_rowid = ?').run(rowid);
  const insert = db.prepare('INSERT INTO text_languages (thread_rowid, text_hash, language) VALUES (?, ?, ?)');
  const detected = detectionsOf(conversationTexts(t.subject, t.messages.map((m) => m.body)));
  if (findings.length) {
    const subject = t.subject === null ? null : redacted(t.subject, 'subject', findings);
    const published = detectionsOf(conversationTexts(subject, t.messages.map((m) => redacted(m.body, `message:${m.id}`, findings))), detected);
    for (const [key, language] of published) detected.set(key, language);
  }
  for (const [key, language] of detected) insert.run(rowid, key, language);
}

/** What was kept for these threads, by thread rowid. */
export function knownLanguages(db: DatabaseSync, rowids: readonly number[]): Map<number, KnownLanguages> {
  const out = new Map<number, Map<string, string | null>>();
  if (rowids.length === 0) return out;
  const statement = db.prepare(`SELECT thread_rowid, text_hash, language FROM text_languages WHERE thread_rowid IN (${rowids.map(() => '?').join(',')})`);
  statement.setReturnArrays(true);
  for (const [rowid, key, language] of statement.all(...rowids) as unknown as [number, string, string | null][]) {
    let known = out.get(rowid);
    if (!known) out.set(rowid, (known = new Map()));
    known.set(key, language);
  }
  return out;
}
