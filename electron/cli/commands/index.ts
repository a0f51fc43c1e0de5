import type { Command } from '../command.ts';
import { auditCommand } from './audit.ts';
import { decideCommand } from './decide.ts';
import { importCommand } from './import.ts';
import { initCommand } from './init.ts';
import { threadsCommand } from './threads.ts';
import { redactionsCommand } from './redactions.ts';
import { redactCommand } from './redact.ts';
import { statsCommand } from './stats.ts';
import { settingsCommand } from './settings.ts';
import { claimsCommand } from './claims.ts';
import { buildCommand } from './build.ts';
import { siteSettingsCommand } from './site-settings.ts';
import { verifyCommand } from './verify.ts';
import { keysCommand } from './keys.ts';
import { serveCommand } from './serve.ts';
import { messageCommand, threadCommand } from './corrections.ts';
import { eraseCommand } from './erase.ts';
import { targetsCommand } from './targets.ts';
import { publishCommand } from './publish.ts';

// Every `candor` command, in the order `candor --help` lists them. Add one line per command module.
export const commands: readonly Command[] = [
  initCommand,
  importCommand,
  threadsCommand,
  decideCommand,
  auditCommand,
  redactionsCommand,
  redactCommand,
  statsCommand,
  settingsCommand,
  claimsCommand,
  siteSettingsCommand,
  buildCommand,
  verifyCommand,
  keysCommand,
  serveCommand,
  threadCommand,
  messageCommand,
  eraseCommand,
  targetsCommand,
  publishCommand,
  // <new commands above this line>
] as readonly Command[];
