import { readFileSync } from 'node:fs';
import { CandorError } from '../errors.ts';
import { SECRET_FIELDS, secretEnvName } from '../../shared/model/publish-target.ts';
import type { SecretField, Target } from '../../shared/model/publish-target.ts';

// A target's secrets (keys, tokens, passwords) never touch the workspace. The app keeps them in the operating
// system's keychain through Electron's safeStorage (electron/main/credentials.ts implements this interface in the
// shell); the browser harness keeps them in memory for the session; the CLI reads environment variables. Saved
// values win; a field not saved falls back to its environment variable.

export type SecretValues = Record<string, string>;

export type SecretStore = {
  /** keychain: encrypted by the operating system; memory: this session only. */
  kind: 'keychain' | 'memory';
  get: (targetId: string) => Promise<SecretValues>;
  /** Saves the fields given; an empty string removes a field. */
  set: (targetId: string, values: SecretValues) => Promise<void>;
  clear: (targetId: string) => Promise<void>;
};

export function memorySecretStore(): SecretStore {
  const saved = new Map<string, SecretValues>();
  return {
    kind: 'memory',
    async get(id) {
      return { ...(saved.get(id) ?? {}) };
    },
    async set(id, values) {
      saved.set(id, mergeSecrets(saved.get(id) ?? {}, values));
    },
    async clear(id) {
      saved.delete(id);
    },
  };
}

/** The saved fields with the new ones applied: blank removes. */
export function mergeSecrets(current: SecretValues, values: SecretValues): SecretValues {
  const next = { ...current };
  for (const [k, v] of Object.entries(values)) {
    if (v === '') delete next[k];
    else next[k] = v;
  }
  return next;
}

/** Only the fields the kind of target uses, each at most 32 KB (a private key fits). */
export function checkSecretFields(target: Pick<Target, 'kind' | 'name'>, values: SecretValues): void {
  const fields = SECRET_FIELDS[target.kind];
  for (const [k, v] of Object.entries(values)) {
    if (!fields.some((f) => f.key === k)) throw new CandorError('INVALID_CREDENTIALS', `${k} is not a credential of a ${target.kind} target (it uses ${fields.map((f) => f.key).join(', ')}).`, { field: k });
    if (v.length > 32_768) throw new CandorError('INVALID_CREDENTIALS', `${k} is longer than 32 KB.`, { field: k });
  }
}

type Env = Record<string, string | undefined>;

/** The environment's value for one field: CANDOR_TARGET_<NAME>_<FIELD>, and the usual AWS_* names for S3 keys. */
function fromEnvironment(target: Pick<Target, 'kind' | 'name'>, field: SecretField, env: Env): string | undefined {
  const own = env[secretEnvName(target.name, field)];
  if (own) return own;
  if (field.key === 'privateKey') {
    const file = env[`${secretEnvName(target.name, field)}_FILE`];
    if (file) {
      try {
        return readFileSync(file, 'utf8');
      } catch (err) {
        throw new CandorError('INVALID_CREDENTIALS', `Cannot read the private key file ${file} (${secretEnvName(target.name, field)}_FILE): ${(err as Error).message}`, { file });
      }
    }
  }
  if (target.kind === 's3') return env[`AWS_${field.env}`] || undefined;
  return undefined;
}

export type SecretStatus = SecretField & { envName: string; saved: boolean; inEnvironment: boolean };

/** Which secrets a target has, and where from: never the values. */
export async function secretStatus(target: Target, store: SecretStore, env: Env = process.env): Promise<SecretStatus[]> {
  const saved = await store.get(target.id);
  return SECRET_FIELDS[target.kind].map((f) => {
    let inEnvironment: boolean;
    try {
      inEnvironment = fromEnvironment(target, f, env) !== undefined;
    } catch {
      // A key file named but unreadable: it is set, and publishing will say what is wrong with it.
      inEnvironment = true;
    }
    return { ...f, envName: secretEnvName(target.name, f), saved: saved[f.key] !== undefined, inEnvironment };
  });
}

/** The secrets to publish with; a missing one is an error that says where to put it. */
export async function resolveSecrets(target: Target, store: SecretStore, env: Env = process.env): Promise<SecretValues> {
  const saved = await store.get(target.id);
  const values: SecretValues = {};
  for (const f of SECRET_FIELDS[target.kind]) {
    const v = saved[f.key] ?? fromEnvironment(target, f, env);
    if (v !== undefined) values[f.key] = v;
  }
  const missing = SECRET_FIELDS[target.kind].filter((f) => f.required && values[f.key] === undefined);
  if (target.kind === 'sftp' && values.password === undefined && values.privateKey === undefined) {
    missing.push(...SECRET_FIELDS.sftp.filter((f) => f.key === 'password' || f.key === 'privateKey'));
  }
  if (missing.length) {
    const names = missing.map((f) => secretEnvName(target.name, f));
    const either = target.kind === 'sftp' ? 'a password or a private key' : missing.map((f) => f.label.toLowerCase()).join(' and ');
    throw new CandorError('MISSING_CREDENTIALS', `The target "${target.name}" needs ${either}: enter ${missing.length > 1 ? 'them' : 'it'} on the Site screen, under Publish.`, { field: missing[0]!.key }, `or set ${names.join(target.kind === 'sftp' ? ' or ' : ' and ')} for the command line`);
  }
  return values;
}
