import { Dialog } from '../components/Dialog.tsx';
import { VENDOR_GUIDES } from '../lib/vendor-guides.ts';

export const SHORTCUTS: { keys: string[]; what: string; where: 'list' | 'anywhere' }[] = [
  { keys: ['j'], what: 'Next conversation', where: 'list' },
  { keys: ['k'], what: 'Previous conversation', where: 'list' },
  { keys: ['x'], what: 'Select or unselect the open conversation (for actions on several)', where: 'list' },
  { keys: ['J', 'K'], what: 'Select while moving down or up (Shift+j, Shift+k)', where: 'list' },
  { keys: ['Shift', 'click'], what: 'Select every conversation between the last one picked and this one', where: 'list' },
  { keys: ['*'], what: 'Select every conversation matching the search and filters', where: 'list' },
  { keys: ['p'], what: 'Publish the open or selected conversations, then go to the next', where: 'list' },
  { keys: ['w'], what: 'Withhold the open or selected conversations (asks for a reason), then go to the next', where: 'list' },
  { keys: ['u'], what: 'Back to “pending review”', where: 'list' },
  { keys: ['r'], what: 'Mark the personal data of the open or selected conversations as reviewed', where: 'list' },
  { keys: ['t'], what: 'Tag the open or selected conversations', where: 'list' },
  { keys: ['c'], what: 'Correct the open conversation’s kind, status or authors', where: 'list' },
  { keys: ['v'], what: 'Switch between the full conversation and the published view', where: 'list' },
  { keys: ['/'], what: 'Search conversations', where: 'list' },
  { keys: ['z'], what: 'Undo your last change (also Ctrl+Z or ⌘Z)', where: 'anywhere' },
  { keys: ['Esc'], what: 'Clear the selection, leave the search box or close a dialog', where: 'anywhere' },
  { keys: ['?'], what: 'Show the shortcuts', where: 'anywhere' },
];

export function ShortcutTable() {
  return (
    <table className="table shortcuts">
      <caption className="visually-hidden">Keyboard shortcuts</caption>
      <thead>
        <tr><th scope="col">Key</th><th scope="col">What it does</th><th scope="col">Where</th></tr>
      </thead>
      <tbody>
        {SHORTCUTS.map((s) => (
          <tr key={s.what}>
            <td>{s.keys.map((k) => <kbd key={k}>{k}</kbd>)}</td>
            <td>{s.what}</td>
            <td className="muted">{s.where === 'list' ? 'Conversations' : 'Everywhere'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="large" scrollable>
      <p className="muted">Shortcuts pause while you type in a field. The Help page has the workflow and the words Candor uses.</p>
      <ShortcutTable />
    </Dialog>
  );
}

export const GLOSSARY: { term: string; meaning: string }[] = [
  { term: 'Conversation', meaning: 'One customer’s message and everything said after it: the replies, and any internal notes (which are never published).' },
  { term: 'Pending', meaning: 'Nobody has decided yet whether the conversation is published. Pending conversations are not on the site and are not counted as withheld.' },
  { term: 'Published', meaning: 'On the site, with personal data removed and people shown under their pseudonyms.' },
  { term: 'Withheld', meaning: 'Kept off the site for a recorded reason (privacy request, legal, abusive, spam, …). The site’s moderation report counts withheld conversations by reason, so readers see how much was held back and why.' },
  { term: 'Finding', meaning: 'Something Candor recognised as personal data: a name, e-mail address, phone number, card, bank account, address, link or order number. “Certain” findings are removed when published unless you keep them; “possible” ones only when you confirm them.' },
  { term: 'Reviewed', meaning: 'A person has looked at a conversation’s findings: confirmed (removed), kept as written (with a reason for certain ones), or marked reviewed as shown. Only then does it leave “personal data to review”.' },
  { term: 'Redaction', meaning: 'Text removed from what is published. The stored original is never changed: removing and undoing are always possible.' },
  { term: 'Pseudonym', meaning: 'How a person appears on the site instead of their name: “Customer in Leeds”, “J.” or “Customer” for customers, the role (“Support team”) or a name for staff — set under Workspace settings.' },
  { term: 'Claim', meaning: 'A sustainability statement the company makes (“50% recycled plastic”), kept with its figures and evidence. Candor checks the wording and evidence against green-claims rules: a check, not legal advice.' },
  { term: 'Claim revision', meaning: 'Each time a claim is published it becomes a numbered revision that never changes afterwards. The site shows the history, so readers see what was said when.' },
  { term: 'Audit log', meaning: 'Every change, who made it and when. Entries are never edited or removed; an undo is recorded as a change of its own.' },
];

export function HelpPage({ onBack }: { onBack?: () => void }) {
  return (
    <main className="page" id="main" tabIndex={-1}>
      <header className="page-header">
        <div>
          <h1 className="page-title">Help</h1>
          <p className="muted">How Candor works, the words it uses, and how to get an export out of your help desk.</p>
        </div>
        {onBack ? <button type="button" className="btn btn-secondary" onClick={onBack}>Back</button> : null}
      </header>
      <div className="page-body prose help-page">
        <nav aria-label="On this page" className="help-toc">
          <a href="#help-workflow">The workflow</a> · <a href="#help-glossary">Words</a> · <a href="#help-exports">Getting an export</a> · <a href="#help-keys">Keyboard</a>
        </nav>
        <h2 id="help-workflow">The workflow</h2>
        <ol>
          <li><strong>Import</strong> the exports of your help desk, review sites or mailbox (see below how to get one). Candor recognises the format; for a spreadsheet (CSV) you say which column is which.</li>
          <li><strong>Review personal data.</strong> Candor marks what it found in each conversation. Confirm what should go, keep what may stay (with a reason), or select any text to remove it yourself. “Mark reviewed” records a conversation as checked in one step. The filter “Only with personal data to review” empties as you go.</li>
          <li><strong>Decide</strong>: publish, or withhold with a reason. Select several conversations (click the boxes, Shift-click for a range, or “Select all matching”) to decide them together. After a decision Candor opens the next conversation. Every change can be undone with <kbd>z</kbd>.</li>
          <li><strong>Correct</strong> what an import got wrong: “Correct kind, status or authors…” in a conversation’s header changes its kind (a complaint taken for praise), its status, or who wrote a message. The statistics follow, and importing the same export again keeps your correction.</li>
          <li><strong>Settings</strong>: under Workspace settings choose how customers and staff are named on the site, whether personal data must be reviewed before publishing, and topic rules. Each setting shows its effect on the public text.</li>
          <li><strong>Claims</strong>: keep each sustainability claim with its figures and evidence, and fix what the check flags.</li>
          <li><strong>Export the site</strong>: the Export tab lists what still needs attention; then one folder of plain files that any web host can serve.</li>
        </ol>
        <p>Internal notes are never published, under any setting. The stored original of every message is never changed: redactions apply to what is published.</p>

        <h2 id="help-glossary">Words Candor uses</h2>
        <dl className="glossary">
          {GLOSSARY.map((g) => (
            <div key={g.term} className="glossary-entry">
              <dt>{g.term}</dt>
              <dd>{g.meaning}</dd>
            </div>
          ))}
        </dl>

        <h2 id="help-exports">Getting an export from your tools</h2>
        {VENDOR_GUIDES.map((v) => (
          <section key={v.id} className="vendor-guide" aria-labelledby={`guide-${v.id}`}>
            <h3 id={`guide-${v.id}`}>{v.name}</h3>
            <ol>{v.steps.map((s) => <li key={s}>{s}</li>)}</ol>
            {v.note ? <p className="muted small">{v.note}</p> : null}
          </section>
        ))}

        <h2 id="help-keys">Keyboard shortcuts</h2>
        <ShortcutTable />
      </div>
    </main>
  );
}
