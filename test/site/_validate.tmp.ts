import { HtmlValidate } from 'html-validate';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
const root = process.argv[2]!;
const v = new HtmlValidate({ extends: ['html-validate:recommended'] });
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]);
let bad = 0; const seen = new Map<string, number>();
for (const f of walk(root).filter((f) => f.endsWith('.html'))) {
  const r = await v.validateString(readFileSync(f, 'utf8'), f);
  if (!r.valid) { bad++; for (const res of r.results) for (const m of res.messages) { const k = `${m.ruleId}: ${m.message}`; if (!seen.has(k)) console.log(f, m.line, k); seen.set(k, (seen.get(k) ?? 0) + 1); } }
}
console.log('invalid files', bad, [...seen.entries()]);
