import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { trimTrailing } from './text.ts';

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;

/** Query or fragment keys that carry a secret or a person. */
const PERSONAL_KEYS = /^(?:token|pwd|passcode|access_?token|id_?token|refresh_?token|auth|authorization|key|api_?key|apikey|secret|session|sessionid|sid|jsessionid|phpsessid|sig|signature|hash|otp|code|reset|reset_?token|password|pass|pwd|email|e-?mail|mail|user|username|user_?id|uid|userid|customer|customer_?id|cust_?id|account|account_?id|acct|name|first_?name|last_?name|full_?name|phone|tel|mobile|address|postcode|zip|order|order_?id|invoice|ticket|ssn|dob|birth_?date|x-amz-signature|x-amz-credential|awsaccesskeyid)$/i;

/** A path segment that is a secret: long random-looking strings, UUIDs, JWTs. */
function tokenLike(segment: string): boolean {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) return true;
  if (/^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(segment)) return true;
  if (!/^[A-Za-z0-9_-]+$/.test(segment) || !/\d/.test(segment) || !/[A-Za-z]/.test(segment)) return false;
  if (segment.length >= 20) return true;
  // Shorter random ids switch between letters and digits all the time ("k3j4h5g6f7d8"); slugs do not ("iphone15pro").
  return segment.length >= 12 && (segment.match(/[A-Za-z](?=\d)|\d(?=[A-Za-z])/g) ?? []).length >= 4;
}

/** Latitude and longitude ("53.4808,-2.2426"): where someone is. */
const COORDINATES = /-?\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}/;

function personalUrl(url: string): boolean {
  const withScheme = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return true;
  for (const [key, value] of parsed.searchParams) {
    if (PERSONAL_KEYS.test(key) && value !== '') return true;
    if (/@/.test(value) || tokenLike(value) || COORDINATES.test(value)) return true;
  }
  if (COORDINATES.test(decodeURIComponentSafe(parsed.pathname))) return true;
  const fragment = parsed.hash.slice(1);
  if (fragment) {
    for (const [key, value] of new URLSearchParams(fragment)) {
      if (PERSONAL_KEYS.test(key) && value !== '') return true;
    }
  }
  const segments = parsed.pathname.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return segments.some((s) => tokenLike(s) || /@/.test(s));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function detectUrl(text: string, _ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index;
    const end = trimTrailing(text, start, start + m[0].length);
    if (!personalUrl(text.slice(start, end))) continue;
    hits.push({ kind: 'url', start, end });
  }
  return hits;
}
