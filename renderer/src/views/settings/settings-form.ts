import type { Res } from '../../../../electron/shared/contract.ts';

// The workspace settings screen's form: what the person typed (lists one per line, topics as rows) and the values
// sent to the core, plus the previews of how people will be named on the public site.

export type WorkspaceSettings = Res<'curation.settings.get'>;
export type SettingsForm = {
  customerPseudonym: WorkspaceSettings['customerPseudonym'];
  customerLabel: string;
  customerLocationFormat: string;
  staffNaming: WorkspaceSettings['staffNaming'];
  staffLabel: string;
  systemLabel: string;
  defaultDecision: WorkspaceSettings['defaultDecision'];
  requirePiiHandled: boolean;
  defaultCountry: string;
  companyDomains: string;
  companyPostcodes: string;
  companyAddresses: string;
  companyPhones: string;
  accountPatterns: string;
  evidenceMaxMb: string;
  topics: { name: string; keywords: string }[];
};

const lines = (list: readonly string[]) => list.join('\n');
const fromLines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function formFromSettings(s: WorkspaceSettings): SettingsForm {
  return {
    customerPseudonym: s.customerPseudonym, customerLabel: s.customerLabel, customerLocationFormat: s.customerLocationFormat,
    staffNaming: s.staffNaming, staffLabel: s.staffLabel, systemLabel: s.systemLabel, defaultDecision: s.defaultDecision,
    requirePiiHandled: s.requirePiiHandled, defaultCountry: s.defaultCountry,
    companyDomains: lines(s.companyDomains), companyPostcodes: lines(s.companyPostcodes), companyAddresses: lines(s.companyAddresses),
    companyPhones: lines(s.companyPhones), accountPatterns: lines(s.accountPatterns), evidenceMaxMb: String(s.evidenceMaxMb),
    topics: Object.entries(s.topicRules).map(([name, words]) => ({ name, keywords: words.join(', ') })),
  };
}

export function valuesFromForm(f: SettingsForm): Partial<Record<keyof WorkspaceSettings, unknown>> {
  const topicRules: Record<string, string[]> = {};
  for (const t of f.topics) {
    const words = t.keywords.split(',').map((w) => w.trim()).filter(Boolean);
    if (t.name.trim() && words.length) topicRules[t.name.trim()] = words;
  }
  return {
    customerPseudonym: f.customerPseudonym, customerLabel: f.customerLabel.trim(), customerLocationFormat: f.customerLocationFormat.trim(),
    staffNaming: f.staffNaming, staffLabel: f.staffLabel.trim(), systemLabel: f.systemLabel.trim(), defaultDecision: f.defaultDecision,
    requirePiiHandled: f.requirePiiHandled, defaultCountry: f.defaultCountry.trim().toUpperCase(),
    companyDomains: fromLines(f.companyDomains), companyPostcodes: fromLines(f.companyPostcodes), companyAddresses: fromLines(f.companyAddresses),
    companyPhones: fromLines(f.companyPhones), accountPatterns: fromLines(f.accountPatterns), topicRules,
    evidenceMaxMb: Number(f.evidenceMaxMb.trim()),
  };
}

/** Only what differs from the saved settings is sent (each change is one line in the audit log). */
export function changedValues(f: SettingsForm, saved: WorkspaceSettings): Partial<Record<keyof WorkspaceSettings, unknown>> {
  const out: Partial<Record<keyof WorkspaceSettings, unknown>> = {};
  for (const [k, v] of Object.entries(valuesFromForm(f)) as [keyof WorkspaceSettings, unknown][]) {
    if (JSON.stringify(v) !== JSON.stringify(saved[k])) out[k] = v;
  }
  return out;
}

/** The example people in the previews. */
export const EXAMPLE = { customer: 'Jo Bloggs', town: 'Leeds', staff: 'Sam Patel' };

/** How the example customer appears on the site under these choices (as the core's pseudonym rules do). */
export function customerPreview(f: Pick<SettingsForm, 'customerPseudonym' | 'customerLabel' | 'customerLocationFormat'>, withTown = true): string {
  const label = f.customerLabel.trim() || 'Customer';
  if (f.customerPseudonym === 'initial') return `${EXAMPLE.customer[0]}.`;
  if (f.customerPseudonym === 'location' && withTown && f.customerLocationFormat.includes('{location}')) return f.customerLocationFormat.replace('{location}', EXAMPLE.town);
  return label;
}

export function staffPreview(f: Pick<SettingsForm, 'staffNaming' | 'staffLabel'>): string {
  return f.staffNaming === 'name' ? EXAMPLE.staff : f.staffLabel.trim() || 'Support team';
}

/** Countries whose phone numbers people most often meet; any other two-letter code can be typed. */
export const COUNTRIES: [string, string][] = [
  ['GB', 'United Kingdom'], ['IE', 'Ireland'], ['US', 'United States'], ['CA', 'Canada'], ['AU', 'Australia'], ['NZ', 'New Zealand'],
  ['DE', 'Germany'], ['AT', 'Austria'], ['CH', 'Switzerland'], ['FR', 'France'], ['BE', 'Belgium'], ['NL', 'Netherlands'],
  ['ES', 'Spain'], ['IT', 'Italy'], ['PT', 'Portugal'], ['SE', 'Sweden'], ['DK', 'Denmark'], ['NO', 'Norway'], ['FI', 'Finland'], ['PL', 'Poland'],
];
