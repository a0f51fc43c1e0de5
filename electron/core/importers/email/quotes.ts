// Quoted history in e-mail replies: the earlier messages repeated under (or after) the new text. The thread already
// holds those messages, so the history is folded away. Only trailing history is folded; inline answers between
// quoted lines are what the person wrote and stay. When folding would leave nothing, nothing is folded.

const ATTRIBUTION = /^(on|le|am|el|il|op|em|den|på|w dniu|dne)\b.{0,300}\b(wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu|skrev|napisał|napsal)\s*:\s*$/i;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht)\s*-{2,}\s*$/i;
const HEADER_FROM = /^\s*\*?(from|de|von|van|da|från|fra|od)\s*:\*?\s+\S/i;
const HEADER_NEXT = /^\s*\*?(sent|date|envoyé|gesendet|verzonden|enviado|inviato|skickat|sendt|datum|to|à|an|aan|para|a|subject|objet|betreff|onderwerp|asunto|oggetto)\s*:\*?/i;
const RULE = /^\s*_{10,}\s*$/;

function isQuoted(line: string): boolean {
  return /^\s*>/.test(line);
}

function onlyQuotesAfter(lines: readonly string[], from: number): boolean {
  let quoted = 0;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (!isQuoted(l)) return false;
    quoted++;
  }
  return quoted > 0;
}

/** A forwarded message's header block is what the sender meant to pass on, not history. */
function forwarded(lines: readonly string[], i: number): boolean {
  return lines.slice(Math.max(0, i - 3), i).some((l) => /forwarded message|begin forwarded|weitergeleitete nachricht|message transféré/i.test(l));
}

/** Index of the line where the trailing history starts, or -1. */
function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isQuoted(line)) continue;
    // Outlook: everything after "-----Original Message-----" or a From:/Sent: block is history, unquoted.
    if (ORIGINAL_MESSAGE.test(line)) return i;
    if (RULE.test(line) && lines.slice(i + 1, i + 3).some((l) => HEADER_FROM.test(l))) return i;
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).filter((l) => HEADER_NEXT.test(l)).length >= 2 && !forwarded(lines, i)) return i;
    // "On … wrote:" (possibly wrapped onto a second line) followed only by quoted lines.
    if (ATTRIBUTION.test(line) && onlyQuotesAfter(lines, i + 1)) return i;
    if (i + 1 < lines.length && ATTRIBUTION.test(`${line} ${lines[i + 1]!}`) && onlyQuotesAfter(lines, i + 2)) return i;
  }
  // A trailing block of quoted lines without an attribution.
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && (isQuoted(lines[start - 1]!) || lines[start - 1]!.trim() === '')) start--;
  while (start < end && lines[start]!.trim() === '') start++;
  return start < end && onlyQuotesAfter(lines, start) ? start : -1;
}

export function foldQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = historyStart(lines);
  if (start <= 0) return text;
  const kept = lines.slice(0, start).join('\n').trimEnd();
  return kept.trim() === '' ? text : kept;
}
