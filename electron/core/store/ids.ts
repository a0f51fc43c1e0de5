import { createHash } from 'node:crypto';

function digest(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('hex');
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
