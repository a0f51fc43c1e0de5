// The phase an import's progress events carry while its new conversations are checked for personal data (named by
// the core's imports.run handler): the import screen shows it as its own step, the inbox refreshes when it ends.
export const SCAN_PHASE = 'scanning for personal data';
