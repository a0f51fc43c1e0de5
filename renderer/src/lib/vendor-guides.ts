// How to get an export Candor can read out of each tool, in the tools' own menu words. Shown on the Help page;
// the formats themselves are described in docs/formats/importers.md.

export type VendorGuide = { id: string; name: string; steps: string[]; note?: string };

export const VENDOR_GUIDES: VendorGuide[] = [
  {
    id: 'zendesk',
    name: 'Zendesk',
    steps: [
      'In Admin Center, open Account › Tools › Reports (“Data exports” on newer plans).',
      'Choose JSON export, the date range, and request it; Zendesk e-mails a download link.',
      'Import the downloaded tickets file. If the comments came as a separate file, add it too.',
    ],
    note: 'Exports must be enabled for your account by an administrator. Internal notes stay internal in Candor.',
  },
  {
    id: 'freshdesk',
    name: 'Freshdesk',
    steps: ['Open Admin › Account › Account Exports.', 'Choose Tickets (with conversations) and request the export; Freshdesk e-mails a link.', 'Import the JSON file from the download.'],
  },
  {
    id: 'helpscout',
    name: 'Help Scout',
    steps: ['Help Scout has no export button for whole conversations: ask whoever manages your Help Scout account to save them through its Mailbox API (conversations with their threads), as JSON.', 'Import the JSON file.'],
  },
  {
    id: 'intercom',
    name: 'Intercom',
    steps: ['Intercom’s reports export only summaries; whole conversations (with every part) come from its Conversations API. Ask whoever manages your Intercom workspace to save them as JSON.', 'Import the JSON file.'],
  },
  {
    id: 'trustpilot',
    name: 'Trustpilot',
    steps: ['In Trustpilot Business, open your reviews (Reviews › Manage reviews) and use Export.', 'Choose the date range and download the CSV; your replies are included.', 'Import the CSV: Candor recognises Trustpilot’s columns.'],
  },
  {
    id: 'google',
    name: 'Google reviews',
    steps: ['Use Google Takeout (takeout.google.com), choose “Google Business Profile”, and download the archive.', 'Import the reviews JSON file inside it.'],
  },
  {
    id: 'email',
    name: 'E-mail (Gmail, Outlook, any mailbox)',
    steps: ['Gmail: Google Takeout › Mail gives an .mbox file. Outlook and Thunderbird: save messages as .eml files or export an .mbox.', 'Import the .mbox file or the folder of .eml files.', 'Say which addresses or domain are your staff (for example @yourcompany.com), so replies are credited to the company.'],
  },
  {
    id: 'csv',
    name: 'Any spreadsheet (CSV)',
    steps: ['Save the sheet as CSV, one row per message.', 'Import it, then match the columns: which one is the conversation, the date, the text and who wrote it.'],
  },
];
