import type { DetectContext } from './context.ts';
import type { Hit } from './finding.ts';

// Local part: letters (any script), digits and the punctuation people actually use; domain: labels with a letter TLD.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}])/gu;

/** Shared mailboxes of the company itself are not anyone's personal data. */
const ROLE_MAILBOXES = new Set(['support', 'help', 'info', 'contact', 'hello', 'service', 'customerservice', 'customer.service', 'sales', 'team', 'noreply', 'no-reply', 'donotreply', 'billing', 'complaints', 'feedback', 'care', 'orders', 'returns', 'press', 'privacy', 'dpo']);

export function detectEmail(text: string, ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  const companyDomains = ctx.companyDomains.map((d) => d.toLowerCase().replace(/^@/, ''));
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index;
    const value = m[0];
    const at = value.lastIndexOf('@');
    const local = value.slice(0, at).toLowerCase();
    const domain = value.slice(at + 1).toLowerCase();
    if (companyDomains.some((d) => domain === d || domain.endsWith(`.${d}`)) && ROLE_MAILBOXES.has(local)) continue;
    hits.push({ kind: 'email', start, end: start + value.length });
  }
  return hits;
}
