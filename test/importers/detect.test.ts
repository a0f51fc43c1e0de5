import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectFormat, importers } from '../../electron/core/importers/registry.ts';
import { cli } from '../helpers/cli.ts';
import { runCli, tempDir, writeTemp } from '../helpers/workspace.ts';
import { fixture } from './helpers.ts';

describe('format detection from content', () => {
  it.each([
    ['json/threads.jsonl', 'json'],
    ['zendesk/tickets.json', 'zendesk'],
    ['zendesk/tickets.ndjson', 'zendesk'],
    ['zendesk/ticket-single.json', 'zendesk'],
    ['zendesk/incremental-tickets.json', 'zendesk'],
    ['freshdesk/tickets.json', 'freshdesk'],
    ['freshdesk/tickets-bad.json', 'freshdesk'],
    ['helpscout/conversations.json', 'helpscout'],
    ['helpscout/conversations-bad.ndjson', 'helpscout'],
    ['intercom/conversations.json', 'intercom'],
    ['intercom/conversations-bad.ndjson', 'intercom'],
    ['trustpilot/reviews.csv', 'trustpilot'],
    ['trustpilot/reviews-semicolon-1252.csv', 'trustpilot'],
    ['trustpilot/reviews.json', 'trustpilot'],
    ['google/reviews.json', 'google'],
    ['email/support.mbox', 'email'],
    ['email/gmail-takeout.mbox', 'email'],
    ['email/eml', 'email'],
    ['email/eml/01-question.eml', 'email'],
    ['csv/messages.csv', 'csv'],
  ])('%s is %s', (path, id) => {
    expect(detectFormat(fixture(...path.split('/'))).id).toBe(id);
  });

  it('a CSV with a mapping goes to the csv importer even when it looks like a known export', () => {
    expect(detectFormat(fixture('trustpilot', 'reviews.csv'), { hasMapping: true }).id).toBe('csv');
  });

  it('every format has a unique id and a label', () => {
    const ids = importers.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['json', 'zendesk', 'freshdesk', 'helpscout', 'intercom', 'trustpilot', 'google', 'email', 'csv']);
  });
});

describe('the CLI says what it read', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('names the detected format in human output and keeps --json output to the report', async () => {
    const ws = `${dir}/ws`;
    expect((await cli(['init', ws, '--name', 'Acme'])).code).toBe(0);
    const human = await cli(['import', ws, fixture('google', 'reviews.json')]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`${fixture('google', 'reviews.json')}: detected google — Google Business Profile reviews`);
    const forced = await cli(['import', ws, fixture('zendesk', 'tickets-bad.ndjson'), '--format', 'zendesk', '--json']);
    expect(forced.code).toBe(3);
    const reports = forced.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(reports).toHaveLength(1);
    expect(Object.keys(reports[0]!)).toEqual(['file', 'format', 'threadsCreated', 'threadsUpdated', 'messagesCreated', 'internalNotes', 'rejected', 'skipped', 'warnings']);
    expect(reports[0]).toMatchObject({ format: 'zendesk', threadsCreated: 1 });
  });

  it('an unrecognised file lists the formats Candor knows, and changes nothing', () => {
    const ws = `${dir}/ws`;
    runCli(['init', ws, '--name', 'Acme']);
    const prose = runCli(['import', ws, writeTemp(dir, 'notes.txt', 'Dear diary, today nothing happened.\n')]);
    expect(prose.code).toBe(1);
    expect(prose.stderr).toMatch(/cannot tell what this file is/);
    for (const i of importers) expect(prose.stderr).toContain(`${i.id} (${i.label})`);
    const garbage = runCli(['import', ws, writeTemp(dir, 'blob.bin', Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 7919) % 256)))]);
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toMatch(/binary data/);
  });

  it('imports several formats in one command, one report each', async () => {
    const ws = `${dir}/ws`;
    await cli(['init', ws, '--name', 'Acme']);
    const r = await cli(['import', ws, fixture('intercom', 'conversations.json'), fixture('trustpilot', 'reviews.csv'), fixture('email', 'support.mbox'), '--staff', '@acme.test', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { format: string }).format)).toEqual(['intercom', 'trustpilot', 'email']);
  });
});
