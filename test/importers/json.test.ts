import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Workspace } from '../../electron/core/workspace.ts';
import { ROOT, tempWorkspace } from '../helpers/workspace.ts';
import { fixture, importOne, thread } from './helpers.ts';

let ws: Workspace;
let cleanup: () => void;
beforeEach(() => ({ ws, cleanup } = tempWorkspace()));
afterEach(() => cleanup());

describe("Candor's own format", () => {
  it('imports the documented example: HTML converted, markdown kept, zone-less times as UTC, internal notes internal', async () => {
    const report = await importOne(ws, fixture('json', 'threads.jsonl'));
    expect(report).toMatchObject({ format: 'json', threadsCreated: 2, messagesCreated: 4, internalNotes: 1, rejected: [] });
    const t = thread(ws, 'webform', 'web-1041');
    expect(t.messages.map((m) => [m.externalId, m.visibility, m.format])).toEqual([['1', 'public', 'text'], ['2', 'internal', 'text'], ['3', 'public', 'markdown']]);
    expect(t.privateData).toEqual({ 'customer.email': 'ada@example.ie', 'customer.location': 'Cork', 'customer.name': 'Ada Byrne' });
    const love = thread(ws, 'webform', 'web-1042');
    expect(love.messages[0]).toMatchObject({ body: 'Great kettle!', format: 'text', sentAt: '2024-02-02T08:00:00.000Z' });
  });

  it('the JSON Schema in docs/formats names every field the importer accepts', () => {
    const schema = JSON.parse(readFileSync(`${ROOT}/docs/formats/threads.schema.json`, 'utf8')) as { $defs: { thread: { properties: Record<string, unknown>; required: string[] }; message: { properties: Record<string, unknown>; required: string[] } } };
    expect(Object.keys(schema.$defs.thread.properties).sort()).toEqual(['channel', 'customer', 'id', 'kind', 'messages', 'opened_at', 'rating', 'resolved_at', 'source', 'status', 'subject', 'tags']);
    expect(schema.$defs.thread.required.sort()).toEqual(['id', 'messages']);
    expect(Object.keys(schema.$defs.message.properties).sort()).toEqual(['attachments', 'author', 'body', 'format', 'id', 'sent_at', 'visibility']);
    expect(schema.$defs.message.required.sort()).toEqual(['author', 'body', 'sent_at']);
  });
});
