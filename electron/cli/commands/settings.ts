import { z } from 'zod';
import { SETTING_HELP, SETTING_KEYS } from '../../shared/curation/model.ts';
import { formatSetting, parseSettingInput, readSettings, settingKey, writeSetting } from '../../core/curation/settings.ts';
import { openWorkspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

export const settingsCommand = defineCommand({
  name: 'settings',
  summary: 'Read or change the workspace policy (pseudonyms, personal data, topics)',
  usage: 'candor settings <workspace> get [<key>] [--json] | candor settings <workspace> set <key> <value> [--json]',
  help: `Reads or changes one workspace policy setting. Changes are checked, then recorded in the audit log.
Keys may be written in camelCase or kebab-case (default-country).

Settings:
${SETTING_KEYS.map((k) => `  ${k.padEnd(24)}${SETTING_HELP[k]}`).join('\n')}

Lists and objects are given as JSON (a single list item may be given bare). Examples:
  candor settings ws set defaultCountry DE
  candor settings ws set customerPseudonym initial
  candor settings ws set accountPatterns '["ORD-\\\\d{6}"]'
  candor settings ws set topicRules '{"Delivery":["late delivery","courier*"],"Refunds":["refund*"]}'

Options:
  --json   get: print {"<key>": value} (all settings without a key); set: print {"<key>": value}

Exit codes: 0 done; 1 not a workspace; 2 unknown key or invalid value.`,
  options: { json: { type: 'boolean' } },
  schema: z.object({
    positionals: z.array(z.string()).min(2, 'name the workspace and get or set'),
    values: z.object({ json: z.boolean().optional() }),
  }).superRefine((a, ctx) => {
    const [, action, key, ...rest] = a.positionals;
    if (action === 'get' && rest.length > 0) ctx.addIssue({ code: 'custom', message: 'get takes at most one key' });
    else if (action === 'set' && (key === undefined || rest.length !== 1)) ctx.addIssue({ code: 'custom', message: 'set takes a key and one value (quote values with spaces)' });
    else if (action !== 'get' && action !== 'set') ctx.addIssue({ code: 'custom', message: 'the second argument must be get or set' });
  }),
  async run({ positionals, values }, io) {
    const [dir, action, name, value] = positionals as [string, 'get' | 'set', string | undefined, string | undefined];
    const key = name === undefined ? undefined : settingKey(name);
    const ws = openWorkspace(dir);
    try {
      const settings = action === 'set' ? writeSetting(ws.db, ws.actor, key!, parseSettingInput(key!, value!)) : readSettings(ws.db);
      if (key === undefined) {
        if (values.json) io.out(`${JSON.stringify(settings)}\n`);
        else for (const k of SETTING_KEYS) io.out(`${k} = ${formatSetting(settings[k])}\n`);
        return EXIT.ok;
      }
      if (values.json) io.out(`${JSON.stringify({ [key]: settings[key] })}\n`);
      else io.out(action === 'set' ? `${key} = ${formatSetting(settings[key])}\n` : `${formatSetting(settings[key])}\n`);
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
