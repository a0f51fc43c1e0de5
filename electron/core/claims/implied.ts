// Implied environmental claims: slogans, product and range names that say nothing specific yet promise a benefit to
// the planet or the future ("Protecting its future", "for a healthier planet", "Clean Diesel", "George for Good",
// "Wij veranderen voor een schonere toekomst"). Regulators read them as general environmental claims (ASA Lufthansa
// 2023, Innocent 2022; FTC Volkswagen 2016; CMA fashion undertakings 2024; RCC Shell 2024; TJ Paris TotalEnergies 2025).
import type { Language } from '../../shared/claims/language.ts';
import { analyse, flatText } from './text.ts';

const ALWAYS: readonly RegExp[] = [
  /\bprotect(s|ing)? (its|the|our|their) future\b/,
  /\b(cleaner|greener|healthier|brighter|kinder) (future|planet|world|tomorrow|earth)\b/,
  /\bdifference (to|for) (the|our) planet\b/,
  /\b(do|does|doing) (your|our|her|his|their|my) bit for (the|our) planet\b/,
  /\bfix(ing)? up (the|our) planet\b/,
  /\benvironmental (advocacy|leadership|champions?|heroes|hero)\b/,
  /\bclean (diesel|petrol|gasoline|coal|fossil fuels?)\b/,
  /\b(major|leading|key) (player|actor) (in|of) the (energy|green) transition\b/,
];

const BY_LANGUAGE: Readonly<Record<Exclude<Language, 'en'>, readonly RegExp[]>> = {
  de: [/\b(sauberere|grünere|bessere|gesündere) zukunft\b/, /\bzukunft (schützen|sichern)\b/, /\bvorreiter der energiewende\b/],
  fr: [/\bavenir plus (propre|vert|durable)\b/, /\bacteur majeur de la transition (énergétique|écologique)\b/, /\bprotéger (la planète|l'avenir)\b/],
  nl: [/\b(schonere|groenere|gezondere) (toekomst|wereld|planeet)\b/, /\bkoploper (in|van) de energietransitie\b/],
  es: [/\bfuturo más (limpio|verde)\b/, /\bplaneta más (sano|limpio|verde)\b/],
  it: [/\bfuturo più (pulito|verde)\b/, /\bpianeta più (sano|pulito|verde)\b/],
};

/** Name-like wording that implies a benefit only as the name of a range or product ("George for Good"). */
const NAME_PATTERNS: readonly RegExp[] = [/\bfor good\b/, /\b(ready )?for the future\b/, /\bfor tomorrow\b/, /\bfor the planet\b/];

/** A product or range name rather than a sentence: short, no verb-like word. */
function isNameLike(statement: string): boolean {
  const words = analyse(statement).words;
  return words.length > 0 && words.length <= 6 && !words.some((w) => /^(is|are|was|were|be|has|have|will|can|makes?|helps?|gives?)$/.test(w.norm));
}

/** The implied claim in a statement, as its own words, or null. */
export function impliedClaim(statement: string, lang: Language, rangeName = false): string | null {
  const text = flatText(analyse(statement));
  const patterns = [...ALWAYS, ...(lang === 'en' ? [] : BY_LANGUAGE[lang])];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  if (rangeName || isNameLike(statement)) {
    for (const re of NAME_PATTERNS) {
      const m = re.exec(text);
      if (m) return m[0];
    }
  }
  return null;
}
