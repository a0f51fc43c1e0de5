import { z } from 'zod';
import { CandorError } from '../../core/errors.ts';
import { memorySecretStore, secretStatus } from '../../core/publish/secrets.ts';
import { KIND_LABEL, targetLocation } from '../../shared/model/publish-target.ts';
import type { Target } from '../../shared/model/publish-target.ts';
import { getTarget, listTargets, removeTarget, saveTarget } from '../../core/publish/targets.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';
import type { Io } from '../command.ts';

// Flags that set a target's settings: flag name -> setting name, and how the string becomes a value.
const SETTING_FLAGS: Record<string, { key: string; kinds: readonly Target['kind'][]; parse?: (v: string) => unknown }> = {
  bucket: { key: 'bucket', kinds: ['s3'] },
  region: { key: 'region', kinds: ['s3'] },
  endpoint: { key: 'endpoint', kinds: ['s3'] },
  prefix: { key: 'prefix', kinds: ['s3'] },
  'path-style': { key: 'pathStyle', kinds: ['s3'], parse: (v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v) },
  url: { key: 'url', kinds: ['git'] },
  branch: { key: 'branch', kinds: ['git'] },
  dir: { key: 'dir', kinds: ['git', 'sftp'] },
  username: { key: 'username', kinds: ['git', 'sftp'] },
  'author-name': { key: 'authorName', kinds: ['git'] },
  'author-email': { key: 'authorEmail', kinds: ['git'] },
  host: { key: 'host', kinds: ['sftp'] },
  port: { key: 'port', kinds: ['sftp'], parse: (v) => (/^\d+$/.test(v) ? Number(v) : v) },
  'host-key': { key: 'hostKey', kinds: ['sftp'] },
  'public-url': { key: 'publicUrl', kinds: ['s3', 'git', 'sftp'] },
};

/** The settings the flags give: "" removes an optional setting. */
function settingsFromFlags(kind: Target['kind'], values: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [flag, spec] of Object.entries(SETTING_FLAGS)) {
    const v = values[flag];
    if (typeof v !== 'string') continue;
    if (!spec.kinds.includes(kind)) throw new CandorError('USAGE', `--${flag} is not a setting of a ${kind} target.`);
    if (v === '') delete out[spec.key];
    else out[spec.key] = spec.parse ? spec.parse(v) : v;
  }
  return out;
}

function describe(t: Target): string {
  const settings = Object.entries(t.settings).map(([k, v]) => `  ${k}: ${String(v)}`).join('\n');
  const last = t.lastPublish ? `last published ${t.lastPublish.at} by ${t.lastPublish.actor}: ${t.lastPublish.files} files, manifest ${t.lastPublish.manifest.slice(0, 12)}` : 'not published yet';
  return `${t.name} (${KIND_LABEL[t.kind]}): ${targetLocation(t)}\n${settings}\n  ${last}\n`;
}

async function show(t: Target, io: Io, json: boolean | undefined): Promise<void> {
  const secrets = (await secretStatus(t, memorySecretStore())).map((s) => ({ key: s.key, label: s.label, required: s.required, env: s.envName, set: s.inEnvironment }));
  if (json) {
    io.out(`${JSON.stringify({ name: t.name, kind: t.kind, location: targetLocation(t), settings: t.settings, lastPublish: t.lastPublish, credentials: secrets })}\n`);
    return;
  }
  io.out(describe(t));
  io.out(`Credentials (environment variables for candor publish; the app keeps them in the system keychain):\n${secrets.map((s) => `  ${s.env}${s.required ? '' : ' (optional)'}: ${s.label}, ${s.set ? 'set' : 'not set'}`).join('\n')}\n`);
}

const settingOptions = Object.fromEntries(Object.keys(SETTING_FLAGS).map((f) => [f, { type: 'string' as const }]));

export const targetsCommand = defineCommand({
  name: 'targets',
  summary: 'Add, change, list and remove where the site is published',
  usage: 'candor targets list|show|add|set|remove <workspace> [<name>] [--type s3|git|sftp] [settings...] [--rename <new>] [--json]',
  help: `A target is a place the site is published to with candor publish. Its settings are kept in the workspace (they
are not secret); its credentials never are: the candor command reads them from environment variables (candor
targets show lists their names), the app keeps them in the system keychain.

  list <ws>                     The targets, with where they publish and when they last did
  show <ws> <name>              One target: settings, last publish, and which credential variables are set
  add <ws> <name> --type <kind> [settings]   Adds a target (name: lowercase letters, digits, dashes)
  set <ws> <name> [settings] [--rename <new>] Changes settings ("" removes an optional one)
  remove <ws> <name>            Removes the target (the site online stays as it is)

Settings:
  s3    --bucket <name> [--region <r>|auto] [--endpoint <https://...>] [--prefix <folder>] [--path-style yes|no]
        (R2: --region auto --endpoint https://<account>.r2.cloudflarestorage.com; MinIO and B2: --endpoint)
  git   --url <remote> [--branch gh-pages] [--dir <folder>] [--username <name>] [--author-name <n>] [--author-email <e>]
        (GitHub Pages: gh-pages; Codeberg Pages: pages; a token for https remotes is a credential)
  sftp  --host <host> --username <user> --dir <folder> [--port 22] [--host-key SHA256:...]
        (without --host-key, the first connection's key is saved and required from then on)
  all   --public-url <https://...>   Where people see the site (shown after publishing)

Options:
  --json   list: {"targets":[{"name","kind","location","settings","lastPublish"}]}; show, add, set: the target

Exit codes: 0 done; 1 error (no such workspace or target, a name already used); 2 usage or a setting refused.`,
  options: { type: { type: 'string' }, rename: { type: 'string' }, json: { type: 'boolean' }, ...settingOptions },
  schema: z.object({
    positionals: z.union([
      z.tuple([z.literal('list'), z.string().min(1)]),
      z.tuple([z.enum(['show', 'add', 'set', 'remove']), z.string().min(1), z.string().min(1)]),
    ], { error: 'usage: candor targets list <workspace>, or show|add|set|remove <workspace> <name>' }),
    values: z.record(z.string(), z.union([z.string(), z.boolean()]).optional()),
  }),
  async run({ positionals, values }, io) {
    const ws = openWorkspace(positionals[1]);
    try {
      const [action, , name] = positionals;
      const json = values.json === true;
      if (action === 'list') {
        const targets = listTargets(ws.db);
        if (json) io.out(`${JSON.stringify({ targets: targets.map((t) => ({ name: t.name, kind: t.kind, location: targetLocation(t), settings: t.settings, lastPublish: t.lastPublish })) })}\n`);
        else io.out(targets.length ? targets.map(describe).join('') : 'No publish targets yet. Add one with: candor targets add <workspace> <name> --type s3|git|sftp ...\n');
        return EXIT.ok;
      }
      if (action === 'show') {
        await show(getTarget(ws.db, name!), io, json);
        return EXIT.ok;
      }
      if (action === 'remove') {
        const t = removeTarget(ws, name!);
        io.out(`Removed the target ${t.name}. The site at ${targetLocation(t)} stays as it is.\n`);
        return EXIT.ok;
      }
      const rename = typeof values.rename === 'string' ? values.rename : undefined;
      if (action === 'add') {
        if (typeof values.type !== 'string') throw new CandorError('USAGE', 'Say what kind of target with --type s3, --type git or --type sftp.');
        if (rename !== undefined) throw new CandorError('USAGE', '--rename is for candor targets set.');
        const kind = values.type as Target['kind'];
        if (!['s3', 'git', 'sftp'].includes(kind)) throw new CandorError('USAGE', `"${values.type}" is not a kind of target: say s3, git or sftp.`);
        const t = saveTarget(ws, { name: name!, kind, settings: settingsFromFlags(kind, values, {}) });
        io.out(json ? `${JSON.stringify({ name: t.name, kind: t.kind, location: targetLocation(t), settings: t.settings })}\n` : `Added the target ${t.name}: ${targetLocation(t)}.\nSet its credentials (candor targets show ${positionals[1]} ${t.name} lists them), then: candor publish ${positionals[1]} <site-dir> --to ${t.name}\n`);
        return EXIT.ok;
      }
      const current = getTarget(ws.db, name!);
      if (typeof values.type === 'string' && values.type !== current.kind) throw new CandorError('USAGE', `${current.name} is a ${current.kind} target; add a new target to publish somewhere of another kind.`);
      const t = saveTarget(ws, { name: rename ?? current.name, previous: current.name, kind: current.kind, settings: settingsFromFlags(current.kind, values, current.settings) });
      io.out(json ? `${JSON.stringify({ name: t.name, kind: t.kind, location: targetLocation(t), settings: t.settings })}\n` : `Saved the target ${t.name}: ${targetLocation(t)}.\n`);
      return EXIT.ok;
    } catch (err) {
      // A refused setting is a usage problem (exit 2): nothing was saved.
      if (err instanceof CandorError && err.code === 'INVALID_TARGET') throw new CandorError('USAGE', err.message, err.location);
      throw err;
    } finally {
      ws.close();
    }
  },
});
