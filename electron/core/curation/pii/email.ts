import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';

// Local part: letters (any script), digits and the punctuation people actually use; domain: labels with a letter TLD.
// "＠" is the full-width at sign Japanese keyboards type.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*[@＠](?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}])/gu;

/** Shared mailboxes of the company itself are not anyone's personal data. */
const ROLE_MAILBOXES = new Set(['support', 'help', 'info', 'contact', 'hello', 'service', 'customerservice', 'customer.service', 'sales', 'team', 'noreply', 'no-reply', 'donotreply', 'billing', 'complaints', 'feedback', 'care', 'orders', 'returns', 'press', 'privacy', 'dpo']);

// Addresses written to dodge robots: "jane dot doe at gmail dot com", "jane.doe [at] gmail [dot] com",
// "jane(at)web.de", "JANE AT OUTLOOK DOT COM". The chains are bounded so that a long text of "word. word." costs
// a few steps per word, not a scan to its end.
const PART = '[\\p{L}\\p{N}_%+-]+';
const DOT = '(?:[ \\t]*(?:\\.|\\[dot\\]|\\(dot\\)|\\{dot\\}|<dot>)[ \\t]*|[ \\t]+(?:dot|DOT|Dot|punkt|point|punto|kropka)[ \\t]+)';
const AT = '(?:[ \\t]*(?:\\[at\\]|\\(at\\)|\\{at\\}|<at>|\\[@\\]|\\(@\\)|\\[ at \\]|\\( at \\))[ \\t]*|[ \\t]+(?:at|AT|At|chez|arroba|chiocciola|apenstaartje|małpa|snabel-a|@)[ \\t]+)';
const OBFUSCATED = new RegExp(`(?<![\\p{L}\\p{N}._%+-])${PART}(?:${DOT}${PART}){0,4}${AT}${PART}(?:${DOT}${PART}){1,4}(?![\\p{L}\\p{N}])`, 'gu');
const GENERIC_TLDS = new Set(['com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'info', 'biz', 'name', 'pro', 'mobi', 'app', 'dev', 'email', 'online', 'shop', 'store', 'site', 'xyz', 'club', 'live', 'me', 'io', 'co', 'tv', 'cc']);
/** Mail providers people give addresses at: "ohughes at hotmail.co.uk" is an address, "look at example.com" is not. */
const PROVIDERS = /(?:^|[\s.])(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|mac|aol|proton|protonmail|gmx|web|t-online|freenet|orange|free|laposte|sfr|wanadoo|libero|virgilio|tiscali|alice|telefonica|terra|ziggo|kpn|xs4all|hetnet|planet|skynet|telenet|wp|o2|onet|interia|telia|bredband|comhem|eircom|btinternet|sky|virginmedia|talktalk|bigpond|optusnet|rogers|shaw|videotron|sympatico|uol|bol|terra|ig|rediffmail|docomo|ezweb|softbank|comcast|verizon|att|sbcglobal|cox|charter|earthlink|mail|email|posteo|mailbox|fastmail|zoho|yandex|qq|163|naver)(?:\s*(?:\.|dot|\[dot\]|\(dot\))\s*)/iu;
/** The separator was spelled out or bracketed, or the local part looks like a mailbox: someone hid an address. */
const HIDDEN = /\[|\(|\{|<|＠| @ |[ \t](?:dot|DOT|Dot|punkt|point|punto|kropka)[ \t]/u;

/** The last label, when it is all letters (a top-level domain, not "15am"). */
function tldOf(candidate: string): string {
  const m = /(?<![\p{L}\p{N}])(\p{L}+)\s*$/u.exec(candidate);
  return m ? m[1]!.toLowerCase() : '';
}

function obfuscated(text: string): Hit[] {
  const hits: Hit[] = [];
  if (!/(?:at|AT|At|chez|arroba|chiocciola|apenstaartje|małpa|snabel-a|@)/u.test(text)) return hits;
  for (const m of text.matchAll(OBFUSCATED)) {
    const value = m[0];
    const tld = tldOf(value);
    if (!(GENERIC_TLDS.has(tld) || /^[a-z]{2}$/.test(tld))) continue;
    const [local, domain] = value.split(new RegExp(AT, 'u')) as [string, string];
    if (!/\p{L}/u.test(local) || (!HIDDEN.test(value) && !/[._\d+-]/.test(local) && !PROVIDERS.test(` ${domain}`))) continue;
    hits.push({ kind: 'email', start: m.index, end: m.index + value.length });
  }
  return hits;
}

export function detectEmail(text: string, ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  const companyDomains = ctx.companyDomains.map((d) => d.toLowerCase().replace(/^@/, ''));
  for (const m of text.matchAll(EMAIL)) {
    const start = m.index;
    const value = m[0];
    const at = Math.max(value.lastIndexOf('@'), value.lastIndexOf('＠'));
    const local = value.slice(0, at).toLowerCase();
    const domain = value.slice(at + 1).toLowerCase();
    if (companyDomains.some((d) => domain === d || domain.endsWith(`.${d}`)) && ROLE_MAILBOXES.has(local)) continue;
    hits.push({ kind: 'email', start, end: start + value.length });
  }
  hits.push(...obfuscated(text));
  return hits;
}
