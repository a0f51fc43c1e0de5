// How to get each source's export, in the words of the vendor's own screens and API. Shown in the import screen (and
// kept the same as docs/formats/importers.md): the first thing a support lead needs is the right file.

export type ExportGuide = { title: string; steps: string[]; together?: string };

export const EXPORT_GUIDES: Record<string, ExportGuide> = {
  zendesk: {
    title: 'Zendesk',
    steps: [
      'Tickets: Admin Center → Account → Tools → Reports → Export → JSON, or the API: GET /api/v2/tickets.json (or /api/v2/incremental/tickets/cursor.json).',
      'Replies: the API’s ticket audits, GET /api/v2/ticket_audits.json (or each ticket’s /api/v2/tickets/{id}/audits.json or /comments.json).',
      'Satisfaction: GET /api/v2/satisfaction_ratings.json.',
    ],
    together: 'Choose the tickets file and its audits, comments or satisfaction ratings files together: Candor recognises them and joins them to their tickets.',
  },
  freshdesk: {
    title: 'Freshdesk',
    steps: [
      'A ticket with its first replies: GET /api/v2/tickets/{id}?include=conversations,requester,stats (or the list, GET /api/v2/tickets).',
      'All the replies of a long ticket (more than ten): GET /api/v2/tickets/{id}/conversations.',
    ],
    together: 'Choose each ticket file with its conversations file: they are joined by ticket number.',
  },
  helpscout: {
    title: 'Help Scout',
    steps: [
      'Mailbox API 2.0: GET /v2/conversations/{id}?embed=threads, or the list GET /v2/conversations?embed=threads.',
      'The older API v1: GET /v1/conversations/{id}.json (a list from v1 has no messages: fetch each conversation).',
    ],
  },
  intercom: {
    title: 'Intercom',
    steps: ['GET /conversations/{id} for each conversation (it includes its parts), or POST /conversations/search; the older API’s conversation_message files are read too.'],
  },
  trustpilot: {
    title: 'Trustpilot',
    steps: ['Trustpilot Business → Reviews → Export reviews (CSV), or the API’s business-unit reviews (JSON).'],
  },
  google: {
    title: 'Google reviews',
    steps: ['Google Takeout → Google Business Profile → reviews.json, or the Business Profile API’s reviews.list.'],
  },
  email: {
    title: 'E-mail',
    steps: [
      'Thunderbird: the mailbox file in your profile folder (Mail/Local Folders/Inbox, no extension), or export with ImportExportTools NG.',
      'Gmail: Google Takeout → Mail (an .mbox file).',
      'A Maildir (cur/ and new/ folders) or a folder of saved .eml messages: choose the folder.',
    ],
    together: 'Add your support addresses below so that your replies are credited to your staff.',
  },
  csv: {
    title: 'Spreadsheet (CSV)',
    steps: ['Any CSV or spreadsheet saved as CSV: one row per message or one row per conversation. You will match its columns in the next step.'],
  },
  json: {
    title: 'Candor JSON',
    steps: ['Candor’s own thread format (docs/formats/threads.md), written by scripts or another Candor workspace.'],
  },
};

export function exportGuide(format: string | null | undefined): ExportGuide | null {
  return format ? (EXPORT_GUIDES[format] ?? null) : null;
}
