// A claim's category as a user's spreadsheet spells it: optional, synonyms accepted ("comparative", "Comparison",
// "recycled content"), and when missing or unknown inferred from the statement, so a claim is never rejected for it.
import { CLAIM_CATEGORIES } from '../../shared/claims/model.ts';
import type { ClaimCategory } from '../../shared/claims/model.ts';
import { analyse, flatText } from './text.ts';

const SYNONYMS: Record<string, ClaimCategory> = {
  comparative: 'comparison', comparisons: 'comparison', compare: 'comparison',
  recycled: 'recycled_content', recycled_content: 'recycled_content', recycled_material: 'recycled_content', recycled_materials: 'recycled_content',
  recyclable: 'recyclability', recycling: 'recyclability', compostable: 'compostability', composting: 'compostability',
  biodegradable: 'degradability', degradable: 'degradability', free_from: 'free_of', free: 'free_of', non_toxic: 'toxicity', toxic: 'toxicity',
  carbon: 'climate', co2: 'climate', emissions: 'climate', net_zero: 'climate', carbon_neutral: 'climate', ghg: 'climate',
  renewable: 'renewable_energy', energy: 'renewable_energy', renewable_materials: 'renewable_material', materials: 'renewable_material',
  ecolabel: 'label', certification: 'label', seal: 'label', target: 'future_target', targets: 'future_target', pledge: 'future_target', future: 'future_target',
  general: 'generic', eco: 'generic', sustainability: 'generic',
};

function key(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The category a spelling means, or null when it is none Candor knows. */
export function categoryFromText(raw: string): ClaimCategory | null {
  const k = key(raw);
  if ((CLAIM_CATEGORIES as readonly string[]).includes(k)) return k as ClaimCategory;
  return SYNONYMS[k] ?? null;
}

const INFER: [RegExp, ClaimCategory][] = [
  [/\b(by (19|20)\d\d|will|target|aim|pledge|commit\w*|on track)\b/, 'future_target'],
  [/\b(recycled)\b/, 'recycled_content'],
  [/\b(recyclable)\b/, 'recyclability'],
  [/\bcompostable\b/, 'compostability'],
  [/\b\w*degradable\b/, 'degradability'],
  [/\b(non toxic|nontoxic|chemical free)\b/, 'toxicity'],
  [/\b(free of|free from|contains no|\w+ free)\b/, 'free_of'],
  [/\b(renewable (energy|electricity|power)|solar|wind power|green energy)\b/, 'renewable_energy'],
  [/\brenewable\b/, 'renewable_material'],
  [/\b(carbon|co2|emissions?|net zero|climate|ghg|neutral)\b|klima|klimaat|climat|neutr/, 'climate'],
  [/\b(than|compared|less|lower|fewer|more|reduced)\b/, 'comparison'],
  [/\bwater\b/, 'water'],
  [/\b(biodiversity|habitat|deforestation)\b/, 'biodiversity'],
  [/\b(certified|ecolabel|label)\b/, 'label'],
];

/** A best guess from the statement's wording; "generic" when nothing more specific is said. */
export function inferCategory(statement: string): ClaimCategory {
  const text = flatText(analyse(statement));
  for (const [re, category] of INFER) if (re.test(text)) return category;
  return 'generic';
}

/**
 * Fills in a record's category before validation. Returns the warning to report when the category had to be inferred
 * (missing or unknown); a recognised synonym is silently mapped.
 */
export function resolveCategory(record: Record<string, unknown>): string | null {
  const raw = record.category;
  const statement = typeof record.statement === 'string' ? record.statement : '';
  if (typeof raw === 'string' && raw.trim() !== '') {
    const known = categoryFromText(raw);
    if (known) { record.category = known; return null; }
    record.category = inferCategory(statement);
    return `category "${raw}" is not one Candor knows (${CLAIM_CATEGORIES.join(', ')}); imported as "${String(record.category)}", inferred from the statement — check it`;
  }
  if (raw === undefined || raw === null || raw === '') {
    record.category = inferCategory(statement);
    return null;
  }
  return null;
}
