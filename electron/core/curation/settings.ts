import type { DatabaseSync } from 'node:sqlite';
import { getCountries } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js';
import { CandorError } from '../errors.ts';
import { transaction } from '../db/transaction.ts';
import { appendAudit } from '../store/audit.ts';
import { CurationSettings, SETTING_KEYS } from '../../shared/curation/model.ts';
import type { SettingKey } from '../../shared/curation/model.ts';
import type { NamingPolicy } from './pseudonym.ts';

// Settings are rows of the workspace's meta table, "policy.<key>" -> text: strings as written, booleans as
// true/false, lists and objects as JSON. The importer reads policy.defaultDecision from there directly.
const PREFIX = 'policy.';

const KIND: Record<SettingKey, 'string' | 'boolean' | 'json' | 'number'> = {
  defaultCountry: 'string', customerPseudonym: 'string', customerLabel: 'string', customerLocationFormat: 'string', staffNaming: 'string',
  staffLabel: 'string', systemLabel: 'string', defaultDecision: 'string', requirePiiHandled: 'boolean', accountPatterns: 'json',
  companyPostcodes: 'json', companyAddresses: 'json', companyDomains: 'json', companyPhones: 'json', topicRules: 'json',
  evidenceMaxMb: 'number',
};

const DEFAULT_SETTINGS: CurationSettings = CurationSettings.parse({});

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as string[]).includes(key);
}

/** Accepts the documented camelCase key or its kebab-case spelling (default-country). */
export function settingKey(name: string): SettingKey {
  const camel = name.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  if (isSettingKey(camel)) return camel;
  throw new CandorError('USAGE', `Unknown setting "${name}". Settings: ${SETTING_KEYS.join(', ')}.`);
}

function encode(key: SettingKey, value: unknown): string {
  return KIND[key] === 'json' ? JSON.stringify(value) : String(value);
}

function decodeRaw(key: SettingKey, text: string): unknown {
  if (KIND[key] === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (KIND[key] === 'number') return /^\d+$/.test(text.trim()) ? Number(text) : text;
  if (KIND[key] === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Checks one value for one key: the same rules apply to the CLI, the app and what is stored. */
function validateSetting<K extends SettingKey>(key: K, value: unknown): CurationSettings[K] {
  const field = CurationSettings.shape[key];
  const parsed = field.safeParse(value);
  if (!parsed.success) {
    throw new CandorError('USAGE', `Invalid value for ${key}: ${parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ')}`, { field: key });
  }
  if (key === 'defaultCountry' && !getCountries().includes(parsed.data as CountryCode)) {
    throw new CandorError('USAGE', `Invalid value for defaultCountry: ${String(parsed.data)} is not a country code known for phone numbers.`, { field: key });
  }
  return parsed.data as CurationSettings[K];
}

/**
 * Reads what a person typed on the command line: booleans as true/false/yes/no, lists as a JSON array or one
 * item, objects as JSON.
 */
export function parseSettingInput(key: SettingKey, input: string): unknown {
  const kind = KIND[key];
  if (kind === 'number') return /^\d+$/.test(input.trim()) ? Number(input.trim()) : input;
  if (kind === 'boolean') {
    const v = input.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(v)) return true;
    if (['false', 'no', 'off', '0'].includes(v)) return false;
    return input;
  }
  if (kind === 'json') {
    const t = input.trim();
    if (t.startsWith('[') || t.startsWith('{')) {
      try {
        return JSON.parse(t) as unknown;
      } catch (err) {
        throw new CandorError('USAGE', `The value for ${key} is not valid JSON: ${(err as Error).message}`, { field: key });
      }
    }
    return key === 'topicRules' ? t : t === '' ? [] : [t];
  }
  return input;
}

export function readSettings(db: DatabaseSync): CurationSettings {
  const rows = db.prepare(`SELECT key, value FROM meta WHERE key LIKE 'policy.%'`).all() as { key: string; value: string }[];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    const key = r.key.slice(PREFIX.length);
    if (!isSettingKey(key)) continue;
    const parsed = CurationSettings.shape[key].safeParse(decodeRaw(key, r.value));
    if (!parsed.success) throw new CandorError('BAD_SETTING', `The workspace setting ${key} holds an invalid value (${r.value.slice(0, 80)}). Set it again in the workspace settings.`, { field: key }, `candor settings <workspace> set ${key} <value>`);
    out[key] = parsed.data;
  }
  return out as CurationSettings;
}

/**
 * What one setting holds now, for the audit log's "before": the stored text itself when it is not a valid value, so
 * a setting that went bad (an older version, a hand edit) can always be set again, from the app or the CLI.
 */
function storedValue(db: DatabaseSync, key: SettingKey): unknown {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(PREFIX + key) as { value: string } | undefined;
  if (!row) return DEFAULT_SETTINGS[key];
  const parsed = CurationSettings.shape[key].safeParse(decodeRaw(key, row.value));
  return parsed.success ? parsed.data : row.value;
}

/** Writes one valid value and its audit entry, inside the caller's transaction. */
function storeSetting(db: DatabaseSync, actor: string, key: SettingKey, valid: unknown): void {
  const before = storedValue(db, key);
  if (encode(key, before) === encode(key, valid)) return;
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PREFIX + key, encode(key, valid));
  appendAudit(db, { actor, action: 'settings.set', entityType: 'setting', entityId: key, before: { [key]: before }, after: { [key]: valid } });
}

/** Changes one setting in a transaction, with the before and after in the audit log. Returns the new settings. */
export function writeSetting(db: DatabaseSync, actor: string, key: SettingKey, value: unknown): CurationSettings {
  const valid = validateSetting(key, value);
  return transaction(db, () => {
    storeSetting(db, actor, key, valid);
    return readSettings(db);
  });
}

/** Several settings at once: every value is checked before any is written; one transaction. */
export function writeSettings(db: DatabaseSync, actor: string, values: Partial<Record<SettingKey, unknown>>): CurationSettings {
  const entries = (Object.entries(values) as [SettingKey, unknown][]).map(([key, value]) => [key, validateSetting(key, value)] as const);
  return transaction(db, () => {
    for (const [key, valid] of entries) storeSetting(db, actor, key, valid);
    return readSettings(db);
  });
}

export function namingPolicy(s: CurationSettings): NamingPolicy {
  return {
    customerPseudonym: s.customerPseudonym,
    customerLabel: s.customerLabel,
    customerLocationFormat: s.customerLocationFormat,
    staffNaming: s.staffNaming,
    staffLabel: s.staffLabel,
    systemLabel: s.systemLabel,
  };
}

/** The site's words for people in its own language (locale keys naming.*). */
export type NamingWords = { customer: string; customerIn: string; staff: string; system: string };

const DEFAULT_NAMING = namingPolicy(CurationSettings.parse({}));

/**
 * The naming policy as a site in another language shows it: a label the workspace left at its English default is
 * said in the site's language ("Kunde in Leeds" on a German site); a label the organisation chose stays as chosen.
 */
export function namingInLanguage(policy: NamingPolicy, words: NamingWords): NamingPolicy {
  const pick = (own: string, english: string, local: string) => (own === english ? local : own);
  return {
    ...policy,
    customerLabel: pick(policy.customerLabel, DEFAULT_NAMING.customerLabel, words.customer),
    customerLocationFormat: pick(policy.customerLocationFormat, DEFAULT_NAMING.customerLocationFormat, words.customerIn.includes('{location}') ? words.customerIn : DEFAULT_NAMING.customerLocationFormat),
    staffLabel: pick(policy.staffLabel, DEFAULT_NAMING.staffLabel, words.staff),
    systemLabel: pick(policy.systemLabel, DEFAULT_NAMING.systemLabel, words.system),
  };
}

/** Printed form of a value for people: strings bare, everything else as JSON. */
export function formatSetting(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
