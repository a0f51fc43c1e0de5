import { escapeRegExp, fold } from './pii/text.ts';
import type { TopicRules } from '../../shared/curation/topic-rules.ts';

export type CompiledTopic = { topic: string; pattern: RegExp };

function phrasePattern(phrase: string): string {
  const words = fold(phrase).split(/\s+/).filter(Boolean);
  return words.map((w, i) => {
    const wildcard = i === words.length - 1 && w.endsWith('*');
    const core = escapeRegExp(wildcard ? w.slice(0, -1) : w);
    return wildcard ? `${core}[\\p{L}\\p{N}\\p{M}]*` : core;
  }).join('\\s+');
}

export function compileTopicRules(rules: TopicRules): CompiledTopic[] {
  return Object.entries(rules)
    .map(([topic, phrases]) => ({
      topic,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${phrases.map(phrasePattern).filter(Boolean).join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'u'),
    }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

/** The topics whose rules match the text, sorted by name. */
export function topicsFor(text: string, compiled: readonly CompiledTopic[]): string[] {
  if (compiled.length === 0 || !text) return [];
  const folded = fold(text);
  return compiled.filter((c) => c.pattern.test(folded)).map((c) => c.topic);
}
