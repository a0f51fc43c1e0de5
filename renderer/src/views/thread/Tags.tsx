import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Res } from '../../../../electron/shared/contract.ts';

type ThreadTags = Res<'curation.tags'>;

/** Source tags and rule topics are shown; only the curators' own tags can be removed here. */
export function Tags({ tags, onAdd, onRemove, busy }: { tags: ThreadTags | null; onAdd: (tag: string) => void; onRemove: (tag: string) => void; busy: boolean }) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tag = text.trim();
    if (tag) onAdd(tag);
    setText('');
  };
  return (
    <section className="tags" aria-label="Tags and topics">
      <h3 className="subheading">Tags &amp; topics</h3>
      <ul className="chip-list">
        {tags?.topics.map((t) => <li key={`topic-${t}`} className="chip chip-topic" title="Topic from the workspace’s rules">{t}</li>)}
        {tags?.source.map((t) => <li key={`src-${t}`} className="chip" title="Tag from the source">{t}</li>)}
        {tags?.manual.map((t) => (
          <li key={`man-${t}`} className="chip chip-manual">
            {t}
            <button type="button" className="chip-remove" aria-label={`Remove tag ${t}`} onClick={() => onRemove(t)} disabled={busy}>×</button>
          </li>
        ))}
        {tags && tags.topics.length + tags.source.length + tags.manual.length === 0 ? <li className="muted">No tags yet.</li> : null}
      </ul>
      <form className="tag-add" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="tag-add-input">Add a tag</label>
        <input id="tag-add-input" className="input input-small" placeholder="Add a tag" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="btn btn-secondary btn-small" disabled={busy || !text.trim()}>Add</button>
      </form>
    </section>
  );
}
