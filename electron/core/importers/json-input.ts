import type { ErrorLocation } from '../errors.ts';
import { CandorError } from '../errors.ts';
import { lines, readAllText } from './source-file.ts';
import type { SourceFile } from './source-file.ts';

// Vendor exports come as one JSON document (a list, a page wrapper such as {"tickets": [...]}, or a single item) or
// as JSON Lines / NDJSON. Every vendor importer reads them through here, so JSON Lines always streams and a broken
// line is reported by its number while the rest still imports.

export type ItemResult =
  | { ok: true; value: Record<string, unknown>; location: ErrorLocation }
  | { ok: false; location: ErrorLocation; reason: string };

export type JsonShape = {
  /** Where lists of items live inside a wrapper document, as dotted paths: "tickets", "_embedded.conversations". */
  listKeys: readonly string[];
  /** True when an object is one item by itself (a single ticket, a single review). */
  isItem: (value: Record<string, unknown>) => boolean;
  /** The expected shape in words, for error messages. */
  expected: string;
  /** Sees every object that held a list or an item (a page with sideloaded users, say) before its items are read. */
  onContainer?: (container: Record<string, unknown>) => void;
};

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Parses a whole document; a syntax error is fatal and names the line. */
export function parseJsonDocument(file: SourceFile, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new CandorError('MALFORMED_FILE', `${file.name}${line ? ` line ${line}` : ''}: not valid JSON (${message}).`, line ? { file: file.name, line } : { file: file.name });
  }
}

function isWholeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON Lines when the first non-empty line is a whole JSON object by itself and not the start of a document;
 * otherwise one document. Reads only the first line.
 */
export async function jsonLayout(file: SourceFile): Promise<'lines' | 'document'> {
  for await (const { text } of lines({ ...file, onBytes: () => {} })) {
    const t = text.trim();
    if (t === '') continue;
    if (t.startsWith('[')) return 'document';
    if (t.startsWith('{') && isWholeJson(t)) return 'lines';
    return t.startsWith('{') ? 'document' : 'lines';
  }
  return 'document';
}

/** The items in one parsed value: a list, a wrapper holding a list, or a single item. Null when it is none. */
function expand(value: unknown, shape: JsonShape): { items: unknown[]; key: string | null } | null {
  if (Array.isArray(value)) return { items: value, key: null };
  if (!isObject(value)) return null;
  for (const key of shape.listKeys) {
    const list = getPath(value, key);
    if (Array.isArray(list)) {
      shape.onContainer?.(value);
      return { items: list, key };
    }
  }
  if (shape.isItem(value)) {
    shape.onContainer?.(value);
    return { items: [value], key: null };
  }
  return null;
}

export async function* jsonItems(file: SourceFile, shape: JsonShape): AsyncGenerator<ItemResult> {
  if ((await jsonLayout(file)) === 'lines') {
    for await (const { line, text } of lines(file)) {
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        yield { ok: false, location: { file: file.name, line }, reason: `not valid JSON (${(err as Error).message})` };
        continue;
      }
      const found = expand(value, shape);
      if (!found) {
        yield { ok: false, location: { file: file.name, line }, reason: `not ${shape.expected}` };
        continue;
      }
      // A line may itself be a page of items (an API response saved per line).
      const many = found.items.length > 1 || found.key !== null;
      for (let i = 0; i < found.items.length; i++) {
        const location: ErrorLocation = many ? { file: file.name, line, field: `${found.key ?? ''}[${i}]` } : { file: file.name, line };
        yield itemResult(found.items[i], location, shape);
      }
    }
    return;
  }
  const doc = parseJsonDocument(file, readAllText(file));
  const found = expand(doc, shape);
  if (!found) throw new CandorError('MALFORMED_FILE', `${file.name}: expected ${shape.expected}.`, { file: file.name });
  for (let i = 0; i < found.items.length; i++) yield itemResult(found.items[i], { file: file.name, record: i + 1 }, shape);
}

function itemResult(value: unknown, location: ErrorLocation, shape: JsonShape): ItemResult {
  if (!isObject(value)) return { ok: false, location, reason: `not ${shape.expected} (found ${Array.isArray(value) ? 'a list' : typeof value})` };
  return { ok: true, value, location };
}
