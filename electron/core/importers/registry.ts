import { statSync } from 'node:fs';
import { CandorError } from '../errors.ts';
import { candorJson } from './json.ts';
import { openSourceFile, sampleText } from './source-file.ts';
import type { Importer } from './types.ts';

// Every format Candor reads. Add one line per importer module.
export const importers: readonly Importer[] = [
  candorJson,
  // <new importers above this line>
];

export function importerById(id: string): Importer {
  const found = importers.find((i) => i.id === id);
  if (!found) throw new CandorError('UNKNOWN_FORMAT', `Unknown format "${id}". Candor knows: ${importers.map((i) => i.id).join(', ')}.`);
  return found;
}

export function knownFormatsSentence(): string {
  return importers.map((i) => `${i.id} (${i.label})`).join(', ');
}

/** Picks the format from the file's content (not its name alone), or explains what Candor knows. */
export function detectFormat(path: string): Importer {
  const isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const file = openSourceFile(path);
  const text = isDirectory ? '' : sampleText(file);
  let best: { importer: Importer; score: number } | null = null;
  for (const importer of importers) {
    const score = importer.detect({ name: file.name, text, isDirectory });
    if (score > 0 && (!best || score > best.score)) best = { importer, score };
  }
  if (!best) {
    const why = !isDirectory && file.size === 0 ? 'the file is empty' : 'its content matches none of the formats Candor knows';
    throw new CandorError('UNRECOGNISED_FORMAT', `${path}: cannot tell what this file is (${why}). Candor knows: ${knownFormatsSentence()}. Use --format <id> to choose one.`, { file: path });
  }
  return best.importer;
}
