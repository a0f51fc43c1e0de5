import { readdirSync } from 'node:fs';

/**
 * Every file under `dir` (not the folders), as paths relative to it with "/" between parts, in no set order. Walked
 * folder by folder with the paths put together here: `readdirSync(dir, { recursive: true })` joins and normalises
 * a path for every entry, a fifth of a no-change rebuild of a 10,000-thread site.
 */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${abs}/${e.name}`, `${rel}${e.name}/`);
      else out.push(`${rel}${e.name}`);
    }
  };
  walk(dir, '');
  return out;
}
