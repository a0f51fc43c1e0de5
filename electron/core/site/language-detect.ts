import { hash } from 'node:crypto';
import { trigramRanker } from './language-trigrams.ts';

// Which language a customer's or staff member's words are in, so the page can say so (`lang` on the message): screen
// readers then pronounce them right and search stems them right. Nothing is translated. franc-min (trigram
// statistics, no network, no model download) is reliable on sentences and unreliable on slogans, so a short or
// ambiguous text says "don't know" (null) rather than guess, and the conversation's language stands in for it.

/** The languages a European company's customers write in most: the EU's official languages franc-min knows, and Turkish, Russian, Ukrainian. */
const CANDIDATES = ['eng', 'deu', 'fra', 'nld', 'spa', 'ita', 'por', 'pol', 'ron', 'hun', 'ces', 'slk', 'ell', 'swe', 'bul', 'hrv', 'slv', 'lit', 'lav', 'tur', 'rus', 'ukr'];
/** Fewer letters than this and trigram statistics are a coin toss (slogans, "Thanks!"). */
export const MIN_LETTERS = 40;
/** The runner-up must score clearly below the best (francAll scores the best 1). */
const MAX_RUNNER_UP = 0.85;
/** francAll over the candidates (language-trigrams.ts: the same ranking, read once per process). */
const rank = trigramRanker(CANDIDATES, MIN_LETTERS);

/** Redaction labels, addresses and links are not the writer's language. */
function sample(text: string): string {
  const s = text.replace(/\[[^\]\n]{1,40}\]/g, ' ').replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  // The address pattern backtracks through every word; most texts have no @ to find.
  return (s.includes('@') ? s.replace(/\S+@\S+/g, ' ') : s).slice(0, 1500);
}

/** A BCP 47 language (e.g. "de") when the text is long and clear enough, else null. */
export function detectLanguage(text: string): string | null {
  const s = sample(text);
  if ((s.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const ranked = rank(s);
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return null;
  if (second && second[1] > MAX_RUNNER_UP) return null;
  return Intl.getCanonicalLocales(best[0])[0] ?? null;
}

/** What a conversation's language is detected from: its subject and public messages, without empty ones. */
export function conversationTexts(subject: string | null, bodies: readonly string[]): string[] {
  return [subject ?? '', ...bodies].filter(Boolean);
}

/** A text's key among remembered detections (text-languages.ts): 128 bits of SHA-256 of the exact text. */
export function textKey(text: string): string {
  return hash('sha256', text, 'base64').slice(0, 22);
}

/** Detections already made, by textKey (null: the text was too short or unclear to tell; undefined: none kept). */
export type KnownLanguages = { get(key: string): string | null | undefined };

/**
 * The conversation's language from all its messages, and each message's own where it is clear. Joined, the messages
 * usually settle it; when they do not (franc's scores bunch up on longer mixed text), messages that are each clear
 * and all agree do. `known`: detections kept for these exact texts, used instead of detecting again; `used` is told
 * every text's key and detection (kept or made now), in order, possibly twice for a text that repeats.
 */
export function conversationLanguages(bodies: readonly string[], known?: KnownLanguages, used?: UsedLanguages): { thread: string | null; messages: (string | null)[] } {
  // Plain loops and no Set: this runs for every published thread of every build (10,000 threads: ~60,000 texts).
  const detect = (text: string): string | null => {
    if (!known) return detectLanguage(text);
    const key = textKey(text);
    const remembered = known.get(key);
    const language = remembered === undefined ? detectLanguage(text) : remembered;
    if (used) {
      used.keys.push(key);
      used.languages.push(language);
      if (remembered === undefined) used.fresh = true;
    }
    return language;
  };
  const messages: (string | null)[] = new Array<string | null>(bodies.length);
  // The one language the clear messages agree on: undefined while none is clear, null once two disagree.
  let agreed: string | null | undefined;
  for (let i = 0; i < bodies.length; i++) {
    const own = detect(bodies[i]!);
    messages[i] = own;
    if (own !== null && agreed !== null) agreed = agreed === undefined || agreed === own ? own : null;
  }
  const thread = detect(bodies.join('\n\n')) ?? agreed ?? null;
  for (let i = 0; i < messages.length; i++) messages[i] ??= thread;
  return { thread, messages };
}

/** Every text's key and detection as conversationLanguages used them, and whether any was not kept (`fresh`). */
export type UsedLanguages = { keys: string[]; languages: (string | null)[]; fresh: boolean };
