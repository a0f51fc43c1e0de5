import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { PublishedThread } from '../../electron/shared/curation/model.ts';
import { migration } from '../../electron/core/db/migrations/0140-text-languages.ts';
import { conversationLanguages, conversationTexts, detectLanguage, textKey } from '../../electron/core/site/language-detect.ts';
import type { UsedLanguages } from '../../electron/core/site/language-detect.ts';
import { keepLanguages, knownLanguages } from '../../electron/core/site/text-languages.ts';
import { useKnownLanguages } from '../../electron/core/site/thread-views.ts';

// A build reads each published conversation's kept detections (text-languages.ts) and looks its texts up in them
// instead of detecting again. That lookup is a fast path: on real text in many languages it must give exactly what
// detecting every text gives, keep exactly the texts the page used, and use what was kept rather than detect anew.

const ROOT = join(import.meta.dirname, '../..');
// Statements examined by regulators in seven languages (test/fixtures/claims/real-cases.json, see its SOURCES.md).
const statements = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/claims/real-cases.json'), 'utf8')) as { statement: string }[]).map((c) => c.statement);

/** The message bodies of the recorded vendor exports (test/fixtures/real), each once: short replies, signatures, HTML. */
function realBodies(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string' && /body|text|content|description/i.test(key) && v.trim()) out.add(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  const dir = join(ROOT, 'test/fixtures/real');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json'));
  for (const e of files.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    walk(JSON.parse(readFileSync(join(e.parentPath, e.name), 'utf8')), '');
  }
  return [...out];
}

/** Conversations of one to five texts, mixing languages and lengths, one of them with the same reply twice. */
function conversations(): { subject: string | null; bodies: string[] }[] {
  const pool = [...statements, ...realBodies()];
  const out: { subject: string | null; bodies: string[] }[] = [];
  for (let i = 0, n = 1; i < pool.length; i += n, n = (n % 5) + 1) out.push({ subject: i % 3 ? pool[i]!.slice(0, 60) : null, bodies: pool.slice(i, i + n) });
  out.push({ subject: 'Refund', bodies: [statements[0]!, 'Thanks!', statements[0]!] });
  return out;
}

function thread(subject: string | null, bodies: readonly string[]): PublishedThread {
  // Only the texts are read to find the languages.
  return { subject, messages: bodies.map((body) => ({ body })) } as unknown as PublishedThread;
}

/** The languages from each text's own detection: the joined texts', or else the one language the clear ones agree on. */
function detectedEach(texts: readonly string[]): { thread: string | null; messages: (string | null)[] } {
  const own = texts.map(detectLanguage);
  const agreed = [...new Set(own.filter((l) => l !== null))];
  const thread = detectLanguage(texts.join('\n\n')) ?? (agreed.length === 1 ? agreed[0]! : null);
  return { thread, messages: own.map((l) => l ?? thread) };
}

function database(rows: number): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE threads (rowid INTEGER PRIMARY KEY)');
  migration.up(db);
  for (let r = 1; r <= rows; r++) db.prepare('INSERT INTO threads (rowid) VALUES (?)').run(r);
  return db;
}

describe('kept detections, looked up', () => {
  const all = conversations();

  it('give what detecting every text gives, and keep each text the page used once', () => {
    expect(all.length).toBeGreaterThan(40);
    const db = database(all.length);
    const learned = all.map((c, i) => {
      const texts = conversationTexts(c.subject, c.bodies);
      const languages = useKnownLanguages(thread(c.subject, c.bodies), knownLanguages(db, [i + 1]).get(i + 1) ?? new Map());
      // Nothing was kept yet: every text is detected now and reported, each once.
      const keys = new Set([...texts, texts.join('\n\n')].map(textKey));
      expect(languages?.map(([key]) => key).sort()).toEqual([...keys].sort());
      return { rowid: i + 1, languages: languages! };
    });
    keepLanguages(db, learned);
    const known = knownLanguages(db, all.map((_, i) => i + 1));
    const languages = new Set<string | null>();
    all.forEach((c, i) => {
      const texts = conversationTexts(c.subject, c.bodies);
      const used: UsedLanguages = { keys: [], languages: [], fresh: false };
      const kept = conversationLanguages(texts, known.get(i + 1), used);
      expect(kept).toEqual(detectedEach(texts));
      expect(used.fresh).toBe(false);
      expect(useKnownLanguages(thread(c.subject, c.bodies), known.get(i + 1)!)).toBeNull();
      kept.messages.forEach((l) => languages.add(l));
    });
    // The conversations really are in several languages, some unclear.
    expect(languages.size).toBeGreaterThan(4);
    expect(languages.has(null)).toBe(true);
    db.close();
  });

  it('are what is used for a text kept, and a text not kept is detected', () => {
    const c = all.find((x) => x.bodies.length === 3 && conversationLanguages(x.bodies).thread !== null)!;
    const db = database(1);
    // Kept as Swedish, whatever the texts are: the lookup must return it, not detect again.
    keepLanguages(db, [{ rowid: 1, languages: [...c.bodies, c.bodies.join('\n\n')].map((t) => [textKey(t), 'sv']) }]);
    const known = knownLanguages(db, [1]).get(1)!;
    expect(conversationLanguages(c.bodies, known)).toEqual({ thread: 'sv', messages: ['sv', 'sv', 'sv'] });
    // One text changed: that one and the conversation joined are detected, the others stay as kept.
    const changed = [c.bodies[0]!, statements.find((s) => !c.bodies.includes(s))!, c.bodies[2]!];
    const used: UsedLanguages = { keys: [], languages: [], fresh: false };
    const got = conversationLanguages(changed, known, used);
    expect(used.fresh).toBe(true);
    const own = detectLanguage(changed[1]!);
    expect(used.languages).toEqual(['sv', own, 'sv', detectLanguage(changed.join('\n\n'))]);
    // The kept messages agree on Swedish unless the new one is clearly something else.
    const thread = detectLanguage(changed.join('\n\n')) ?? (own === null || own === 'sv' ? 'sv' : null);
    expect(got).toEqual({ thread, messages: ['sv', own ?? thread, 'sv'] });
    db.close();
  });
});
