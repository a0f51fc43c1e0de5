import { Dialog } from '../components/Dialog.tsx';

export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['j'], what: 'Next conversation' },
  { keys: ['k'], what: 'Previous conversation' },
  { keys: ['p'], what: 'Publish the selected conversation' },
  { keys: ['w'], what: 'Withhold the selected conversation (asks for a reason)' },
  { keys: ['u'], what: 'Back to “pending review”' },
  { keys: ['v'], what: 'Switch between the full thread and the published view' },
  { keys: ['/'], what: 'Search conversations' },
  { keys: ['Esc'], what: 'Leave the search box or close a dialog' },
  { keys: ['?'], what: 'Show this help' },
];

export function ShortcutTable() {
  return (
    <table className="table shortcuts">
      <caption className="visually-hidden">Keyboard shortcuts</caption>
      <thead>
        <tr><th scope="col">Key</th><th scope="col">What it does</th></tr>
      </thead>
      <tbody>
        {SHORTCUTS.map((s) => (
          <tr key={s.what}>
            <td>{s.keys.map((k) => <kbd key={k}>{k}</kbd>)}</td>
            <td>{s.what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <p className="muted">In the conversation list. Shortcuts pause while you type in a field.</p>
      <ShortcutTable />
    </Dialog>
  );
}

export function HelpPage() {
  return (
    <main className="page" id="main">
      <header className="page-header">
        <h1 className="page-title">Help</h1>
      </header>
      <div className="page-body prose">
        <h2>The workflow</h2>
        <ol>
          <li><strong>Import</strong> the exports of your help desk, review sites or mailbox. Candor recognises the format, and for a spreadsheet (CSV) you say which column is which.</li>
          <li><strong>Review conversations.</strong> Candor highlights personal data it found. Accept a suggestion to remove it from what is published, or keep it with a reason. Select any text to remove it yourself.</li>
          <li><strong>Decide</strong>: publish, or withhold with a reason. Withheld conversations are counted on the site’s moderation report, so readers see how much was held back and why.</li>
          <li><strong>Claims</strong>: keep each sustainability claim with its figures and evidence. The check lists wording and evidence that green-claims rules would question — it is a check, not legal advice.</li>
          <li><strong>Export the site</strong>: one folder of plain files that anyone can host.</li>
        </ol>
        <p>Internal notes are never published, under any setting. The stored original of every message is never changed: redactions apply to what is published.</p>
        <h2>Keyboard shortcuts</h2>
        <ShortcutTable />
      </div>
    </main>
  );
}
