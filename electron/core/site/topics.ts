import { createHash } from 'node:crypto';
import type { PublishedThread } from '../../shared/curation/model.ts';
import { memoize } from '../memo.ts';

// A site's topics: the source's tags, staff tags and rule topics together, one topic whatever their case, each with a
// readable, stable address.

/** "deliveries" -> "delivery", "boxes" -> "box", "returns" -> "return"; short words ("news", "bags") stay. */
function singular(word: string): string {
  if (word.length <= 4 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/**
 * Near-duplicate topics are one topic: whatever their case, accents, separators ("late_delivery", "Late-Delivery")
 * or a plain English plural ("Late deliveries"). "Delivery" and "delivery" share a page.
 */
export function topicKey(name: string): string {
  const words = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/[-_]+/g, ' ').trim().split(/\s+/);
  return words.map((w, i) => (i === words.length - 1 ? singular(w) : w)).join(' ');
}

/** A tag as a topic name and key. A site has a few dozen tags over 100,000 threads: each is worked out once. */
const topicOf = memoize((raw: string): { name: string; key: string } => {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  return { name, key: topicKey(name) };
});

/**
 * URL-safe, readable and stable without knowing the other topics: "Late delivery" -> "late-delivery". A name that
 * the readable form cannot spell back exactly ("late_delivery", "Lieferverzögerung") gets a short hash, so two
 * topics never share a page.
 */
export function slugify(name: string): string {
  const key = topicKey(name);
  const base = key.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  if (base && base.replace(/-/g, ' ') === key) return base;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return base ? `${base}-${hash}` : `topic-${hash}`;
}

/** Tags and rule topics together are the site's topics. */
export function topicNames(t: PublishedThread): string[] {
  const byKey = new Map<string, string>();
  for (const raw of [...t.tags, ...t.topics]) {
    const { name, key } = topicOf(raw);
    if (!name) continue;
    const seen = byKey.get(key);
    if (seen === undefined || name < seen) byKey.set(key, name);
  }
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, name]) => name);
}

/** A topic's folder (its list pages are index.html, 2.html... inside). */
export const topicUrl: (name: string) => string = memoize((name: string) => `topics/${slugify(name)}/`);
