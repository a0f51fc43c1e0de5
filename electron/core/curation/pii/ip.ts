import { isIPv6 } from 'node:net';
import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { lookBehind } from './text.ts';

const V4 = /(?<![\p{L}\p{N}.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\p{L}\p{N}]|\.\d)/gu;
const V6 = /(?<![\p{L}\p{N}:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:%[\p{L}\p{N}]+)?(?![\p{L}\p{N}:])/giu;

const NOBODY = new Set(['0.0.0.0', '127.0.0.1', '255.255.255.255']);

/** Version strings ("v1.2.3.4", "version 10.0.0.1") look like IPv4 addresses but are not anyone's. */
function isVersion(text: string, start: number): boolean {
  const before = lookBehind(text, start, 12);
  return /(?:\bv|version\s*|release\s*|build\s*)$/.test(before);
}

export function detectIp(text: string, _ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(V4)) {
    // Placeholder and loopback addresses identify no one.
    if (isVersion(text, m.index) || NOBODY.has(m[0])) continue;
    hits.push({ kind: 'ip', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(V6)) {
    let value = m[0];
    // A trailing colon belongs to the sentence ("from 2001:db8::1: then").
    if (value.endsWith(':') && !value.endsWith('::')) value = value.slice(0, -1);
    const address = value.split('%')[0]!;
    if (!isIPv6(address)) continue;
    const groups = address.split(':').filter((g) => g.length > 0);
    // "10:30::" and similar short forms are times more often than addresses.
    if (groups.length < 3 && !/[a-f]/i.test(address)) continue;
    if (groups.length < 2) continue;
    hits.push({ kind: 'ip', start: m.index, end: m.index + value.length });
  }
  return hits;
}
