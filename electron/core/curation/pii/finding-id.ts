import { createHash } from 'node:crypto';
import { confidenceOf } from '../../../shared/curation/pii-finding.ts';
import type { Finding, Hit, PiiKind } from '../../../shared/curation/pii-finding.ts';

/**
 * Stable across runs and machines: the same text in the same place always has the same id, so a curator's
 * accept/reject survives re-detection, and a change to the text makes the old decision stop applying.
 */
export function findingId(kind: PiiKind, location: string, start: number, end: number, text: string): string {
  const h = createHash('sha256');
  for (const part of [kind, location, String(start), String(end), text]) {
    h.update(part);
    h.update('\u0000');
  }
  return `f_${h.digest('hex').slice(0, 12)}`;
}

export function toFinding(hit: Hit, text: string, location: string): Finding {
  const slice = text.slice(hit.start, hit.end);
  return { id: findingId(hit.kind, location, hit.start, hit.end, slice), kind: hit.kind, start: hit.start, end: hit.end, text: slice, confidence: hit.confidence ?? confidenceOf(hit.kind) };
}
