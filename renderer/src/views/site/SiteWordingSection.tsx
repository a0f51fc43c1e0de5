import { useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { ErrorNotice, Loading } from '../../components/States.tsx';
import { useCall } from '../../lib/useCall.ts';
import { SITE_LANGUAGE_NAMES, wordingFor } from './site-form.ts';
import type { SiteForm, SiteLanguageCode } from './site-form.ts';

// The site's language and the organisation's own wording for any of its texts. The texts are the themes' (several
// hundred): the table shows those already reworded and those matching what the person looks for, not all of them.

const SHOWN = 12;

/**
 * A text a person can reword without knowing the message format: no plural or choice forms ({n, plural, …}) and no
 * markup (<link>…</link>). Those stay the themes' own here (their wording can still be replaced in a texts file).
 */
function plainText(text: string): boolean {
  return !/<\/?[a-z]/i.test(text) && !/\{\s*\w+\s*,\s*(plural|select|selectordinal)\b/.test(text);
}

/** `text` null: back to the site's own wording. A blank one stays in the table while being typed, and is not saved. */
type OnWording = (key: string, text: string | null) => void;
type Props = { form: SiteForm; onLanguage: (language: SiteLanguageCode) => void; onWording: OnWording };

export function SiteWordingSection({ form, onLanguage, onWording }: Props) {
  return (
    <>
      <h2 className="subheading">Language and wording</h2>
      <Field label="Language of the site" hint="Every text of the site, dates and numbers. Conversations stay in the language they were written in.">
        <select className="input" value={form.language} onChange={(e) => onLanguage(e.target.value as SiteLanguageCode)}>
          {Object.entries(SITE_LANGUAGE_NAMES).map(([code, name]) => <option key={code} value={code} lang={code}>{name}</option>)}
        </select>
      </Field>
      <WordingTable language={form.language} strings={wordingFor(form)} onWording={onWording} />
    </>
  );
}

function WordingTable({ language, strings, onWording }: { language: SiteLanguageCode; strings: Record<string, string>; onWording: OnWording }) {
  const texts = useCall('site.texts', { language });
  const [find, setFind] = useState('');
  const needle = find.trim().toLowerCase();
  const rows = texts.data?.texts ?? [];
  const own = rows.filter((t) => t.key in strings);
  const found = needle ? rows.filter((t) => !(t.key in strings) && plainText(t.text) && t.text.toLowerCase().includes(needle)) : [];
  return (
    <fieldset className="fieldset">
      <legend className="field-label">Your own wording</legend>
      <p className="field-hint">Replace any text the site shows with your own, in {SITE_LANGUAGE_NAMES[language]}. Words in braces, such as {'{name}'}, are filled in by the site: keep them where they belong.</p>
      <Field label="Find a text on the site" hint="Type a few words you see on the site.">
        <input className="input" type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder="e.g. Transparency report" autoComplete="off" />
      </Field>
      {texts.status === 'loading' ? <Loading label="Reading the site’s texts…" /> : null}
      {texts.status === 'error' ? <ErrorNotice error={texts.error} onRetry={texts.reload} /> : null}
      {own.length || found.length ? (
        <table className="table wording-table" aria-label="Text on the site and your wording">
          <thead>
            <tr><th scope="col">Text on the site</th><th scope="col">Your wording</th></tr>
          </thead>
          <tbody>
            {[...own, ...found.slice(0, SHOWN)].map((t) => (
              <tr key={t.key}>
                <td lang={language}>{t.text}</td>
                <td>
                  <div className="wording-cell">
                    <input className="input" aria-label={`Your wording for “${t.text}”`} lang={language} value={strings[t.key] ?? ''} onChange={(e) => onWording(t.key, e.target.value)} placeholder="as on the site" />
                    {t.key in strings ? <button type="button" className="btn btn-ghost btn-small" aria-label={`Use the site’s wording for “${t.text}”`} onClick={() => onWording(t.key, null)}>Use the site’s</button> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {needle && found.length > SHOWN ? <p className="muted small">{found.length - SHOWN} more texts match: type more words to narrow them down.</p> : null}
      {needle && texts.status === 'ready' && found.length === 0 ? <p className="muted small">No text of the site contains “{find.trim()}”.</p> : null}
      {!needle && own.length === 0 ? <p className="muted small">The site uses its own wording everywhere.</p> : null}
    </fieldset>
  );
}
