import { statSync } from 'node:fs';
import { CandorError } from '../errors.ts';
import { csv } from './csv.ts';
import { email } from './email/email.ts';
import { freshdesk } from './freshdesk.ts';
import { google } from './google.ts';
import { helpscout } from './helpscout.ts';
import { intercom } from './intercom.ts';
import { candorJson } from './json.ts';
import { trustpilot } from './trustpilot.ts';
import { zendesk } from './zendesk.ts';
import { openSourceFile, sampleText } from './source-file.ts';
import type { Importer } from './types.ts';

// Every format Candor reads. Add one line per importer module.
export const importers: readonly Importer[] = [
  candorJson,
  zendesk,
  freshdesk,
  helpscout,
  intercom,
  trustpilot,
  google,
  email,
  csv,
  // <new importers above this line>
];

export function importerById(id: string): Importer {
  const found = importers.find((i) => i.id === id);
  if (!found) throw new CandorError('UNKNOWN_FORMAT', `Unknown format "${id}". Candor knows: ${importers.map((i) => i.id).join(', ')}.`);
  return found;
}

export function knownFormatsSentence(): string {
  return importers.map((i) => `${i.id} (${i.label})`).join('; ');
}

/** NUL bytes or many control characters: not a text export of any kind. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // C0 controls other than tab, line breaks, form feed and escape (ANSI colours in pasted logs).
    if ((c >= 1 && c <= 8) || (c >= 14 && c <= 26) || (c >= 28 && c <= 31)) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.05;
}

/** Picks the format from the file's content (not its name alone), or explains what Candor knows. */
export function detectFormat(path: string, options: { hasMapping?: boolean } = {}): Importer {
  const isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const file = openSourceFile(path);
  const text = isDirectory ? '' : sampleText(file);
  let best: { importer: Importer; score: number } | null = null;
  const binary = !isDirectory && looksBinary(text);
  for (const importer of binary ? [] : importers) {
    const score = importer.detect({ name: file.name, text, isDirectory, hasMapping: options.hasMapping ?? false });
    if (score > 0 && (!best || score > best.score)) best = { importer, score };
  }
  if (!best) {
    const why = !isDirectory && file.size === 0 ? 'the file is empty' : binary ? 'it holds binary data, not text' : 'its content matches none of the formats Candor knows';
    throw new CandorError('UNRECOGNISED_FORMAT', `${path}: cannot tell what this file is (${why}). Candor knows: ${knownFormatsSentence()}. Choose its format yourself.`, { file: path }, 'choose one with --format <id>');
  }
  return best.importer;
}
