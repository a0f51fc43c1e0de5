import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CandorError } from '../../core/errors.ts';
import type { SiteSettingsPatch } from '../../shared/model/site-settings.ts';
import { SITE_LANGUAGES } from '../../core/site/i18n.ts';
import { listThemes } from '../../core/site/themes.ts';
import { LOGO_MAX_BYTES } from '../../core/site/logo.ts';
import { changeSiteSettings, readSiteSettings, siteLogoFile } from '../../core/site/settings.ts';
import type { SiteSettingsView } from '../../core/site/settings.ts';
import { openWorkspace } from '../../core/workspace.ts';
import type { Workspace } from '../../core/workspace.ts';
import { defineCommand, EXIT } from '../command.ts';

/** Values the core refuses: the person's input, so exit 2 like any other bad argument. */
const REFUSED = new Set(['INVALID_SETTING', 'UNKNOWN_LANGUAGE', 'UNKNOWN_SITE_TEXT', 'STRINGS_FILE', 'LOW_CONTRAST', 'UNKNOWN_THEME', 'LOGO_NOT_FOUND', 'LOGO_NOT_AN_IMAGE', 'LOGO_SVG_REFUSED', 'LOGO_TOO_LARGE']);

type Json = Omit<SiteSettingsView, 'logo'> & { logo: (NonNullable<SiteSettingsView['logo']> & { file: string }) | null };

function asJson(ws: Workspace, s: SiteSettingsView): Json {
  return { ...s, logo: s.logo ? { ...s.logo, file: siteLogoFile(ws, s.logo) } : null };
}

function summarise(s: Json): string {
  const text = (v: string | null) => (v === null ? '(none)' : `${v.length.toLocaleString('en')} characters`);
  const color = (v: string | null) => v ?? "(the theme's)";
  const rows: [string, string][] = [
    ['organisation', s.organisation],
    ['website', s.url ?? '(none)'],
    ['theme', s.theme],
    ['base URL', s.baseUrl ?? '(none)'],
    ['accent', color(s.colors.accent)],
    ['header', color(s.colors.header)],
    ['header text', s.colors.headerText ?? (s.colors.header ? '(chosen for contrast)' : "(the theme's)")],
    ['logo', s.logo ? `${s.logo.type}, ${(s.logo.size / 1024).toFixed(1)} kB, ${s.logo.file}` : '(none)'],
    ['intro', text(s.intro)],
    ['policy', text(s.policy)],
    ['language', s.language ?? 'en'],
    ['own texts', ownTexts(s.stringsByLanguage ?? (s.strings ? { [s.language ?? 'en']: s.strings } : {}))],
    ['verification', text(s.verification ?? null)],
    ['placeholders', s.withheldPlaceholders === false ? 'off' : 'on (a line per held-back conversation)'],
  ];
  return rows.map(([k, v]) => `${k.padEnd(13)}${v}\n`).join('');
}

/** "de: home.lede, header.sub; fr: home.lede" */
function ownTexts(byLanguage: Record<string, Record<string, string>>): string {
  const langs = Object.keys(byLanguage).filter((l) => Object.keys(byLanguage[l]!).length > 0).sort();
  return langs.length ? langs.map((l) => `${l}: ${Object.keys(byLanguage[l]!).sort().join(', ')}`).join('; ') : '(none)';
}

const isTextSet = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** The --strings file: a JSON object of site text key -> message, or of language -> such an object; the core checks the keys and messages. */
function readStringsFile(file: string): Record<string, string | Record<string, string>> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CandorError('STRINGS_FILE', `Cannot read the texts file ${file}: ${(err as Error).message}`, { file });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new CandorError('STRINGS_FILE', `The texts file ${file} is not JSON: ${(err as Error).message}`, { file });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string' && !isTextSet(v))) {
    throw new CandorError('STRINGS_FILE', `The texts file ${file} must be one JSON object of text key -> message (strings only), or of language -> such an object ({"de": {...}, "fr": {...}}).`, { file });
  }
  return parsed as Record<string, string | Record<string, string>>;
}

export const siteSettingsCommand = defineCommand({
  name: 'site-settings',
  summary: "Read or change the public site's settings (name, texts, theme, address, colours, logo, language)",
  usage: 'candor site-settings <workspace> [--organisation <name>] [--url <url>] [--intro <markdown>] [--policy <markdown>] [--theme <name>] [--base-url <url>] [--accent <#rrggbb>] [--header <#rrggbb>] [--header-text <#rrggbb>] [--logo <file> | --no-logo] [--verification <markdown>] [--withheld-placeholders on|off] [--lang <code>] [--strings <file.json> | --no-strings] [--json]',
  help: `Without options, shows the site's settings. With options, changes those given (all in one transaction,
recorded in the audit log) and shows the result. An empty value ("") removes a text or goes back to the theme's
own colour. candor build uses the saved theme and address unless --theme or --base-url is given.

Options:
  --organisation <name>  The organisation's name: every page's header and title (the workspace's name)
  --url <url>            The organisation's own website (https://...)
  --intro <markdown>     The home page's introduction (Markdown)
  --policy <markdown>    The moderation policy shown with the moderation report (Markdown)
  --theme <name>         ${listThemes().map((t) => t.name).join(' | ') || 'default'}
  --base-url <url>       The address the site will be published at (canonical links, feed, sitemap)
  --accent <#rrggbb>     Links, buttons and the current page
  --header <#rrggbb>     The header's background (the side index in ledger)
  --header-text <#rrggbb>  The header's text (default: white or near-black, whichever reads better)
  --logo <file>          A PNG, JPEG or WebP image of at most ${LOGO_MAX_BYTES / 1_048_576} MB, shown in the header (SVG is refused:
                         an SVG file opened on its own can run script). A copy is kept in <workspace>/branding/.
  --no-logo              Remove the logo
  --lang <code>          The site's language: ${SITE_LANGUAGES.join(' | ')} (every text of the themes, dates and numbers)
  --strings <file.json>  The organisation's own wording for any of the site's texts: a JSON object of text key ->
                         message, e.g. {"home.lede": "Every conversation, {name}."}, for the site's language; or
                         one such object per language, e.g. {"de": {...}, "fr": {...}}. Keys are those of
                         static-templates/locales/en.json; an unknown key or a placeholder the text does not have
                         is refused. Replaces the saved set of each language given ({} removes it); others stay.
  --no-strings           Remove the organisation's own wording, in every language
  --verification <markdown>  How you check that conversations come from real customers (the reviews policy page;
                         without it, the page says what each source's records show and that nothing more is checked)
  --withheld-placeholders on|off  A public line (month, kind, rating, reason; no text) for each held-back
                         conversation on the moderation report (default on)
  --json                 Print {"organisation","intro","policy","url","theme","baseUrl","colors":{"accent","header","headerText"},"logo":{"type","size","sha256","file"}|null,"verification","withheldPlaceholders","language","strings":{key: text},"stringsByLanguage":{lang: {key: text}}}

Colours must keep text readable wherever the themes use them (WCAG 2.2 AA, a contrast ratio of at least 4.5:1);
a colour that would not is refused, naming the place and the ratio.

Exit codes: 0 done; 1 not a workspace; 2 usage, or a value or logo refused (nothing changed).`,
  options: {
    organisation: { type: 'string' },
    url: { type: 'string' },
    intro: { type: 'string' },
    policy: { type: 'string' },
    theme: { type: 'string' },
    'base-url': { type: 'string' },
    accent: { type: 'string' },
    header: { type: 'string' },
    'header-text': { type: 'string' },
    logo: { type: 'string' },
    'no-logo': { type: 'boolean' },
    lang: { type: 'string' },
    strings: { type: 'string' },
    'no-strings': { type: 'boolean' },
    verification: { type: 'string' },
    'withheld-placeholders': { type: 'string' },
    json: { type: 'boolean' },
  },
  schema: z.object({
    positionals: z.tuple([z.string().min(1)], { error: 'name exactly one workspace' }),
    values: z.object({
      organisation: z.string().optional(),
      url: z.string().optional(),
      intro: z.string().optional(),
      policy: z.string().optional(),
      theme: z.string().optional(),
      'base-url': z.string().optional(),
      accent: z.string().optional(),
      header: z.string().optional(),
      'header-text': z.string().optional(),
      logo: z.string().min(1, 'name the logo file').optional(),
      'no-logo': z.boolean().optional(),
      lang: z.string().optional(),
      strings: z.string().min(1, 'name the JSON file of texts').optional(),
      'no-strings': z.boolean().optional(),
      verification: z.string().optional(),
      'withheld-placeholders': z.enum(['on', 'off'], { error: '--withheld-placeholders is on or off' }).optional(),
      json: z.boolean().optional(),
    }),
  }).refine((a) => !(a.values.logo !== undefined && a.values['no-logo']), { message: '--logo and --no-logo cannot be used together' })
    .refine((a) => !(a.values.strings !== undefined && a.values['no-strings']), { message: '--strings and --no-strings cannot be used together' }),
  async run({ positionals: [dir], values }, io) {
    const patch: SiteSettingsPatch = {};
    if (values.organisation !== undefined) patch.organisation = values.organisation;
    if (values.url !== undefined) patch.url = values.url;
    if (values.intro !== undefined) patch.intro = values.intro;
    if (values.policy !== undefined) patch.policy = values.policy;
    if (values.theme !== undefined) patch.theme = values.theme;
    if (values['base-url'] !== undefined) patch.baseUrl = values['base-url'];
    if (values.lang !== undefined) patch.language = values.lang;
    if (values.verification !== undefined) patch.verification = values.verification;
    if (values['withheld-placeholders'] !== undefined) patch.withheldPlaceholders = values['withheld-placeholders'] === 'on';
    const colors = { accent: values.accent, header: values.header, headerText: values['header-text'] };
    if (Object.values(colors).some((c) => c !== undefined)) patch.colors = Object.fromEntries(Object.entries(colors).filter(([, v]) => v !== undefined));
    const logo = values.logo !== undefined ? values.logo : values['no-logo'] ? null : undefined;
    const changing = Object.keys(patch).length > 0 || logo !== undefined || values.strings !== undefined || values['no-strings'] === true;

    const ws = openWorkspace(dir);
    try {
      let settings: SiteSettingsView;
      try {
        if (values.strings !== undefined) patch.strings = readStringsFile(values.strings);
        if (values['no-strings']) patch.strings = null;
        settings = changing ? changeSiteSettings(ws, patch, logo) : readSiteSettings(ws);
      } catch (err) {
        if (err instanceof CandorError && REFUSED.has(err.code)) {
          io.err(`candor site-settings: ${err.message}\n`);
          return EXIT.usage;
        }
        throw err;
      }
      const shown = asJson(ws, settings);
      io.out(values.json ? `${JSON.stringify(shown)}\n` : summarise(shown));
      return EXIT.ok;
    } finally {
      ws.close();
    }
  },
});
