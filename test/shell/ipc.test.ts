import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { createDispatcher, isTrustedSender, registerIpc, INVOKE_CHANNEL } = await import('../../electron/main/ipc.ts');

describe('the IPC sender check', () => {
  it.each([
    [{ url: 'candor://app/index.html', parent: null }, true],
    [{ url: 'candor://app/index.html#/inbox', parent: null }, true],
    [{ url: 'candor://preview/index.html', parent: null }, false],
    [{ url: 'candor://app/index.html', parent: {} }, false],
    [{ url: 'https://evil.example/', parent: null }, false],
    [{ url: 'file:///app/index.html', parent: null }, false],
    [null, false],
  ])('%o is trusted: %s', (frame, trusted) => {
    expect(isTrustedSender(frame as never)).toBe(trusted);
  });

  it('answers an untrusted sender with an error and never reaches the core', async () => {
    let handler: ((e: unknown, channel: unknown, req: unknown) => Promise<unknown>) | null = null;
    const dispatch = vi.fn();
    registerIpc({ handle: (name: string, h: typeof handler) => { expect(name).toBe(INVOKE_CHANNEL); handler = h; } } as never, dispatch);
    const result = await handler!({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'workspace.current', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
    await handler!({ senderFrame: { url: 'candor://app/index.html', parent: null } }, 'workspace.current', {});
    expect(dispatch).toHaveBeenCalledWith('workspace.current', {});
  });
});

describe('the dispatcher', () => {
  it('sends the shell channels to the shell, with the request checked, and the rest to the core', async () => {
    const core = vi.fn(async () => ({ ok: true as const, value: 'from core' }));
    const pick = vi.fn(async () => ({ paths: ['/tmp/x'] }));
    const dispatch = createDispatcher(core, { 'app.pick': pick });
    expect(await dispatch('app.pick', { purpose: 'import-files' })).toEqual({ ok: true, value: { paths: ['/tmp/x'] } });
    expect(pick).toHaveBeenCalledWith({ purpose: 'import-files' });
    expect(await dispatch('workspace.current', {})).toEqual({ ok: true, value: 'from core' });
    expect(core).toHaveBeenCalledTimes(1);
  });

  it('refuses unknown channels and bad requests as values, never throwing', async () => {
    const dispatch = createDispatcher(vi.fn(), { 'app.pick': vi.fn() });
    expect(await dispatch('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('app.pick', { purpose: 'anything' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('turns a shell handler failure into an error value', async () => {
    const dispatch = createDispatcher(vi.fn(), { 'app.openPath': () => { throw Object.assign(new Error('/nope does not exist.'), { code: 'NOT_FOUND' }); } });
    expect(await dispatch('app.openPath', { path: '/nope' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '/nope does not exist.' } });
  });
});
