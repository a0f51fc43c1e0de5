// The rules table of docs/formats/claims.md, rendered from the rules themselves (id, what they detect, severity per
// market, the languages whose wording they read, citation) and from the corpus of real decisions (which upheld
// decisions expect the rule). docs.test.ts holds the document to it; `node_modules/.bin/node
// test/claims/print-rules-table.ts` prints it to paste after a rule changes.
import { RULES } from '../../electron/core/claims/rules/index.ts';
import { realCases } from './corpus-score.ts';

export const RULES_TABLE_HEADING = '## Rules (markets, severities, languages, grounding decisions)';

export function rulesTable(): string {
  const cases = realCases();
  const rows = RULES.map((r) => {
    const severities = r.markets.map((m) => `${m} ${r.severityIn[m] ?? r.severity}`).join(', ');
    const languages = r.languages.length > 0 ? r.languages.join(' ') : 'any (reads fields and evidence)';
    const grounds = cases.filter((c) => c.expected_rules.includes(r.id)).map((c) => `\`${c.id}\``);
    const decisions = grounds.length > 0 ? grounds.join(', ') : 'none in the corpus yet (the citation and the reviewed examples)';
    return `| ${r.id} | ${r.title} | ${severities} | ${languages} | ${r.citation} | ${decisions} |`;
  });
  return ['| id | detects | markets and severity | languages | citation | decisions that ground it |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
