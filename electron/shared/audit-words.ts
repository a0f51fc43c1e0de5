// The audit log in words people use. The log stores codes ("thread.decide") and before/after values; the app's
// audit screen, its CSV export and the undo toast all say the same sentences, made here. Pure: no Node, no core.

export type AuditLike = { action: string; entityType: string; entityId: string; before: unknown; after: unknown };

/** Action codes and what they are called, for the audit screen's action filter. */
const ACTION_NAMES: Record<string, string> = {
  'thread.import': 'Conversation imported',
  'thread.reimport': 'Conversation updated by an import',
  'import.file': 'File imported',
  'thread.decide': 'Decision',
  'thread.tags': 'Tags changed',
  'redaction.accept': 'Personal data to be removed',
  'redaction.keep': 'Personal data kept',
  'redaction.reject': 'Personal data left as written',
  'redaction.review': 'Personal data reviewed',
  'redaction.restore': 'Personal data review undone',
  'redaction.span': 'Text removed by hand',
  'redaction.unspan': 'Hand removal taken back',
  'settings.set': 'Workspace setting changed',
  'site.settings': 'Site settings changed',
  'site.logo.set': 'Site logo chosen',
  'site.logo.clear': 'Site logo removed',
  'site.keys.init': 'Signing key made',
  'claim.create': 'Claim created',
  'claim.update': 'Claim edited',
  'claim.evidence.attach': 'Evidence attached',
  'claim.submit': 'Claim sent for review',
  'claim.approve': 'Claim approved',
  'claim.publish': 'Claim published',
  'claim.return': 'Claim returned to draft',
  'claim.retire': 'Claim retired',
  'claim.lint-override': 'Claim published despite findings',
  'claims.import': 'Claims imported',
  'action.undo': 'Undo',
  'thread.correct': 'Kind or status corrected',
  'message.correct': 'Author corrected',
  'curation.rescan': 'Checked again for personal data',
};

export function actionName(action: string): string {
  return ACTION_NAMES[action] ?? action.replace(/[._-]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** The workspace settings as the settings screen names them. */
const SETTING_WORDS: Record<string, string> = {
  defaultCountry: 'Country for phone numbers', customerPseudonym: 'How customers are named', customerLabel: 'What a customer is called',
  customerLocationFormat: 'How a customer’s town is shown', staffNaming: 'How staff are named', staffLabel: 'What staff are called',
  systemLabel: 'What automated messages are called', defaultDecision: 'Decision for new conversations',
  requirePiiHandled: 'Personal data reviewed before publishing', accountPatterns: 'Your order and account numbers',
  companyPostcodes: 'Your company’s postcodes', companyAddresses: 'Your company’s addresses', companyDomains: 'Your company’s e-mail domains',
  companyPhones: 'Your company’s phone numbers', topicRules: 'Topic rules', evidenceMaxMb: 'Largest evidence file',
};

function settingName(key: string): string {
  return `“${SETTING_WORDS[key] ?? key}”`;
}

const KIND_WORDS: Record<string, string> = { complaint: 'complaint', praise: 'praise', question: 'question', suggestion: 'suggestion', other: 'other' };
const STATUS_WORDS: Record<string, string> = { open: 'open', resolved: 'resolved', unresolved: 'unresolved' };
const ROLE_WORDS: Record<string, string> = { customer: 'the customer', staff: 'staff', system: 'the system' };

function word(map: Record<string, string>, v: unknown): string {
  return map[String(v)] ?? String(v);
}

/** "kind praise → complaint; status open → resolved": only what changed. */
function threadCorrection(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const parts = [
    before.kind !== after.kind ? `kind ${word(KIND_WORDS, before.kind)} → ${word(KIND_WORDS, after.kind)}` : '',
    before.status !== after.status ? `status ${word(STATUS_WORDS, before.status)} → ${word(STATUS_WORDS, after.status)}` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'kind confirmed';
}

const DECISION_WORDS: Record<string, string> = { publish: 'Published', withhold: 'Withheld', pending: 'Back to review' };
const REASON_WORDS: Record<string, string> = {
  'privacy-request': 'the customer asked for privacy',
  legal: 'legal reasons',
  abusive: 'abusive or threatening',
  spam: 'spam',
  duplicate: 'a duplicate',
  'off-topic': 'off-topic',
  'no-consent': 'no consent to publish',
  other: 'other',
};

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

const PII_WORDS: Record<string, string> = {
  email: 'E-mail address', phone: 'Phone number', card: 'Payment card', iban: 'Bank account', ip: 'IP address', name: 'Customer’s name',
  account: 'Order or account number', url: 'Personal link', address: 'Street address', postcode: 'Postcode',
  cvv: 'Card security code', bank: 'Bank details', 'national-id': 'National ID number', passport: 'Passport number',
  licence: 'Driving licence number', birthdate: 'Date of birth', vehicle: 'Vehicle registration',
};

function piiWord(kind: unknown): string {
  return PII_WORDS[String(kind)] ?? 'Personal data';
}

function quoted(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'nothing';
  return typeof v === 'string' ? `“${v.length > 60 ? `${v.slice(0, 59)}…` : v}”` : JSON.stringify(v);
}

/** One entry as a sentence: "Withheld (legal reasons): court case", "Tags: added Delivery". */
export function describeEntry(e: AuditLike): string {
  const before = obj(e.before);
  const after = obj(e.after);
  switch (e.action) {
    case 'thread.decide': {
      const word = DECISION_WORDS[String(after.decision)] ?? String(after.decision);
      const reason = after.reason ? ` (${REASON_WORDS[String(after.reason)] ?? String(after.reason)})` : '';
      return `${word}${reason}${after.note ? `: ${String(after.note)}` : ''}`;
    }
    case 'thread.tags': {
      const was = list(before.manualTags);
      const now = list(after.manualTags);
      const added = now.filter((t) => !was.includes(t));
      const removed = was.filter((t) => !now.includes(t));
      const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
      return `Tags: ${parts.join('; ') || 'unchanged'}`;
    }
    case 'redaction.accept':
      return `${piiWord(after.kind)} will be removed when published`;
    case 'redaction.keep':
    case 'redaction.reject':
      return `${piiWord(after.kind)} kept as written${after.reason ? `: ${String(after.reason)}` : ''}`;
    case 'redaction.review': {
      const removed = Number(after.removed ?? 0);
      const kept = Number(after.kept ?? 0);
      return `Personal data reviewed: ${removed} removed, ${kept} left as written`;
    }
    case 'redaction.restore':
      return 'Personal data back to “waiting for review”';
    case 'redaction.span':
      return 'Text removed by hand';
    case 'redaction.unspan':
      return 'Hand removal taken back';
    case 'settings.set': {
      const key = Object.keys(after)[0] ?? e.entityId;
      return `${settingName(key)}: ${quoted(before[key])} → ${quoted(after[key])}`;
    }
    case 'thread.correct':
      return `Corrected: ${threadCorrection(before, after)}`;
    case 'message.correct':
      return `A message by ${word(ROLE_WORDS, before.role)} is now by ${word(ROLE_WORDS, after.role)}`;
    case 'action.undo':
      return `Undid: ${String(before.label ?? 'a change')}`;
    case 'curation.rescan': {
      const threads = Number(after.threads ?? 0);
      const found = Number(after.newFindings ?? 0);
      return `Personal-data detection improved (version ${String(before.detectorVersion ?? '?')} → ${String(after.detectorVersion ?? '?')}): ${plural(threads, 'conversation')} checked again, ${plural(found, 'new finding')} to review`;
    }
    case 'workspace.warning':
      // What opening the workspace found (a lost write-ahead log, an interrupted import's scratch): its own words.
      return typeof after.message === 'string' ? after.message : actionName(e.action);
    case 'import.file':
      return `${String(after.threadsCreated ?? 0)} new, ${String(after.threadsUpdated ?? 0)} updated (${String(after.format ?? 'unknown format')})`;
    default:
      return actionName(e.action);
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What one person's action did, for the undo toast: "Published 12 conversations", "Withheld “Refund never
 * arrived”", "Personal data reviewed in 3 conversations". `subject` names a conversation when only one changed.
 */
export function describeAction(entries: readonly AuditLike[], subject: (threadId: string) => string | null): string {
  if (entries.length === 0) return 'Nothing changed';
  // A message's correction names its conversation in the entry itself.
  const threadOf = (e: AuditLike) => (e.entityType === 'thread' ? e.entityId : e.entityType === 'message' ? String(obj(e.after).thread ?? '') : '');
  const threads = [...new Set(entries.map(threadOf).filter(Boolean))];
  const one = threads.length === 1 ? subject(threads[0]!) : null;
  const on = one ? `“${one.length > 50 ? `${one.slice(0, 49)}…` : one}”` : plural(threads.length, 'conversation');
  const first = entries[0]!;
  const sameAction = entries.every((e) => e.action === first.action);
  if (sameAction && first.action === 'thread.decide') {
    const decisions = new Set(entries.map((e) => String(obj(e.after).decision)));
    if (decisions.size === 1) return `${DECISION_WORDS[[...decisions][0]!] ?? 'Decided'} ${on}`;
    return `Decided ${on}`;
  }
  if (sameAction && first.action === 'thread.tags') return `Tags changed on ${on}`;
  // One finding confirmed or kept is not the whole conversation reviewed: the toast says which one.
  if (entries.length === 1 && first.action === 'redaction.accept') return `Removal confirmed: ${piiWord(obj(first.after).kind)} in ${on}`;
  if (entries.length === 1 && (first.action === 'redaction.keep' || first.action === 'redaction.reject')) return `Kept as written: ${piiWord(obj(first.after).kind)} in ${on}`;
  if (entries.every((e) => e.action.startsWith('redaction.'))) return `Personal data reviewed in ${on}`;
  if (sameAction && first.action === 'thread.correct' && entries.length === 1) return `Corrected ${on}: ${threadCorrection(obj(first.before), obj(first.after))}`;
  if (sameAction && first.action === 'message.correct') return `Author corrected in ${on}: ${entries.length === 1 ? describeEntry(first).replace(/^A message/, 'a message') : plural(entries.length, 'message')}`;
  if (sameAction && first.action === 'settings.set') return `${entries.length === 1 ? 'Setting' : 'Settings'} ${entries.map((e) => settingName(e.entityId)).join(', ')} changed`;
  return entries.length === 1 ? describeEntry(first) : `${plural(entries.length, 'change')} on ${on}`;
}
