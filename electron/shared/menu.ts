import type { ProgressEvent } from './contract.ts';

/**
 * What the application menu asks the window to do. Menu clicks reach the window on the same event stream as
 * progress (as events of job "menu"), so the preload keeps exactly two functions: invoke and the subscription.
 */
const MENU_COMMANDS = ['new-workspace', 'open-workspace', 'open-recent', 'close-workspace', 'import', 'export-site', 'help', 'shortcuts', 'set-theme'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
const MENU_JOB = 'menu';

export function menuEvent(command: MenuCommand, detail?: string): ProgressEvent {
  return detail === undefined
    ? { job: MENU_JOB, phase: command, done: 0, total: 0, unit: 'records' }
    : { job: MENU_JOB, phase: command, done: 0, total: 0, unit: 'records', message: detail };
}

export function menuCommandOf(event: ProgressEvent): { command: MenuCommand; detail?: string } | null {
  if (event.job !== MENU_JOB) return null;
  const command = MENU_COMMANDS.find((c) => c === event.phase);
  if (!command) return null;
  return event.message === undefined ? { command } : { command, detail: event.message };
}
