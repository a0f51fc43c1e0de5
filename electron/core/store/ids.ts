import { hash } from 'node:crypto';

// One-shot hashing (crypto.hash): a large import makes about six ids per conversation, and a Hash object per id
// cost three times as much. The bytes hashed are the same as ever (each part followed by a NUL), so ids never change.
function digest(...parts: string[]): string {
  let text = '';
  for (const p of parts) text += `${p}\u0000`;
  return hash('sha256', text, 'hex');
}

/** Stable, URL-safe ids: the same source record always gets the same id, in any workspace. */
export function threadId(source: string, externalId: string): string {
  return `t_${digest(source, externalId).slice(0, 16)}`;
}

export function messageId(threadIdValue: string, messageExternalId: string): string {
  return `m_${digest(threadIdValue, messageExternalId).slice(0, 16)}`;
}

/** A message without a source id is identified by what it says, who said it and when. */
export function contentKey(role: string, sentAt: string, body: string): string {
  return `h:${digest(role, sentAt, body).slice(0, 24)}`;
}
