import type { LintFinding } from './claim-form.ts';

const SEVERITY_LABEL = { error: 'Must fix', warning: 'Should fix', info: 'Worth a look' } as const;

/** Lint findings as staff read them: what is wrong, how to fix it, and the rule it comes from. */
export function FindingList({ findings, compact }: { findings: readonly LintFinding[]; compact?: boolean }) {
  if (findings.length === 0) return null;
  return (
    <ul className={`lint-list${compact ? ' lint-list-compact' : ''}`}>
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`} className={`lint lint-${f.severity}`}>
          <div className="lint-head">
            <span className={`lint-severity sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
            <span className="lint-message">{f.message}</span>
          </div>
          <div className="lint-fix"><strong>Fix:</strong> {f.fix}</div>
          <div className="lint-cite muted small"><code>{f.rule}</code> · {f.citation}</div>
        </li>
      ))}
    </ul>
  );
}

export function LintSummary({ counts }: { counts: { error: number; warning: number; info: number } }) {
  if (counts.error) return <span className="lint-pill sev-error">{counts.error} to fix</span>;
  if (counts.warning) return <span className="lint-pill sev-warning">{counts.warning} {counts.warning === 1 ? 'warning' : 'warnings'}</span>;
  return <span className="lint-pill sev-ok">No problems</span>;
}
