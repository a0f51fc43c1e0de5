import { hash } from 'node:crypto';
import type { PublishedThread } from '../../../shared/curation/model.ts';

// What a thread page is made from, as 128 bits of SHA-256 (the build state keeps it; a rebuild renders again only the
// pages whose hash changed). The thread's texts are serialised once: the thread's open-data row (open-data/threads.ts,
// made anyway) holds every text, and only the fields that row leaves out are serialised on top.

/**
 * `openJson`: JSON.stringify of openThread(t, …). The rest is JSON (it ends where it ends, and JSON never holds a raw
 * NUL), so two threads have the same key only when both parts are the same.
 */
export function threadPageHash(fingerprint: string, t: PublishedThread, openJson: string): string {
  const rest = JSON.stringify([t.tags, t.topics, t.customer, t.decision, t.lastActivityAt, t.messages.map((m) => [m.id, m.format])]);
  return hash('sha256', `${fingerprint}\u0000thread\u0000${rest}\u0000${openJson}`, 'hex').slice(0, 32);
}
