// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportView } from '../../renderer/src/views/import/ImportView.tsx';
import { SiteView } from '../../renderer/src/views/site/SiteView.tsx';
import { ClaimsView } from '../../renderer/src/views/claims/ClaimsView.tsx';
import type { Res } from '../../electron/shared/contract.ts';
import { fakeTransport, Providers } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

// Long jobs can be stopped from beside their progress, and a stop says that nothing changed; a build that would take
// most of the site offline asks first. The fakes behave as the core does: a cancelled job ends with CANCELLED, a
// shrinking build is refused with its figures until it is asked for with allowShrink.

afterEach(cleanup);

/** A job that runs until app.cancel stops it, as the core's do (they stop at their next progress report). */
function cancellableJob(job: string) {
  let stop: (() => void) | null = null;
  const started = new Promise<void>((resolve) => {
    stop = resolve;
  });
  let onCancel: (() => void) | null = null;
  return {
    run: async () => {
      stop?.();
      await new Promise<void>((resolve) => {
        onCancel = resolve;
      });
      throw Object.assign(new Error(`The ${job} was cancelled. Nothing it was doing was kept.`), { code: 'CANCELLED' });
    },
    cancel: (req: { job?: string }) => {
      const n = req.job === job && onCancel ? 1 : 0;
      onCancel?.();
      return { cancelled: n };
    },
    started,
  };
}

const built: Res<'site.build'> = { out: '/sites/acme', pages: 9, threads: 4, withheld: 6, claims: 0, bytes: 9000, ms: 300, incremental: true, rendered: 9, reused: 0, signed: false, search: true, warnings: [] };
const exportCheck = () => ({ items: [], published: 4, withheld: 6, pending: 0 });

async function startExport() {
  await userEvent.type(screen.getByLabelText('Folder'), '/sites/acme');
  expect(await screen.findByText('Ready to publish')).toBeTruthy();
  await userEvent.click(screen.getByRole('button', { name: 'Export site' }));
}

/** An import of one file, running until cancelled; returns when it has started. */
async function startImport() {
  const job = cancellableJob('import');
  const fake = fakeTransport({
    'imports.formats': () => ({ formats: [{ id: 'zendesk', label: 'Zendesk' }] }),
    'imports.detect': ({ files }) => ({ files: files.map((file) => ({ file, format: 'zendesk', label: 'Zendesk tickets', error: null })) }),
    'imports.preview': () => ({ format: 'zendesk', rejected: [], threads: [] }),
    'imports.run': job.run,
    'app.cancel': job.cancel,
  });
  render(<Providers fake={fake}><ImportView /></Providers>);
  await userEvent.type(screen.getByLabelText('File paths'), '/x/tickets.json');
  await userEvent.click(screen.getByRole('button', { name: 'Add files' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Import this file' }));
  await job.started;
  return fake;
}

describe('Cancel beside the progress', () => {
  it('stops an import and says nothing was changed', async () => {
    const fake = await startImport();
    fake.emit({ job: 'import', phase: '/x/tickets.json', done: 30, total: 100, unit: 'bytes' });
    expect(await screen.findByRole('progressbar', { name: 'Importing tickets.json' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Cancelled — nothing was changed')).toBeTruthy();
    expect(fake.callsTo('app.cancel')).toEqual([{ job: 'import' }]);
    // Back where the person was: the file is still chosen, to import again.
    expect(screen.getByRole('button', { name: 'Import this file' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers to stop only the check for personal data once an import is in, and says the import is kept', async () => {
    const fake = await startImport();
    fake.emit({ job: 'import', phase: 'scanning for personal data', done: 10, total: 40, unit: 'records' });
    expect(await screen.findByRole('button', { name: 'Stop checking' })).toBeTruthy();
    expect(screen.getByText('The imported conversations are kept; the check finishes later.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('stops a site export with the keyboard and says nothing was changed', async () => {
    const job = cancellableJob('site.build');
    const fake = fakeTransport({ 'site.themes': () => ({ themes: [] }), 'export.check': exportCheck, 'site.build': job.run, 'app.cancel': job.cancel });
    render(<Providers fake={fake}><SiteView tab="export" /></Providers>);
    await startExport();
    await job.started;
    fake.emit({ job: 'site.build', phase: 'threads', done: 3, total: 10, unit: 'pages' });
    expect(await screen.findByRole('progressbar', { name: 'Making the conversation pages' })).toBeTruthy();
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    cancel.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Cancelled — nothing was changed')).toBeTruthy();
    expect(fake.callsTo('app.cancel')).toEqual([{ job: 'site.build' }]);
    expect(screen.queryByText('The site is ready')).toBeNull();
  });
});

describe('Importing claims (issue 16 point 1)', () => {
  /** The claims screen's import, running until cancelled; returns when it has started. */
  async function startClaimsImport() {
    const job = cancellableJob('claims.import');
    const fake = fakeTransport({
      'claims.list': () => ({ asOf: '2026-10-01', claims: [] }),
      'claims.settings.get': () => ({ secondApprover: false }),
      'claims.import': job.run,
      'app.cancel': job.cancel,
    });
    render(<Providers fake={fake}><ClaimsView /></Providers>);
    await userEvent.click(await screen.findByRole('button', { name: 'Import…' }));
    await userEvent.type(screen.getByLabelText('Claims file'), '/x/claims.csv');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await job.started;
    return fake;
  }

  it('shows how far the import is, phase by phase, with Cancel beside it', async () => {
    const fake = await startClaimsImport();
    fake.emit({ job: 'claims.import', phase: 'reading', done: 250, total: 1000, unit: 'claims' });
    const bar = await screen.findByRole('progressbar', { name: 'Reading the claims' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByText('250 of 1,000 claims')).toBeTruthy();
    fake.emit({ job: 'claims.import', phase: 'evidence', done: 450, total: 600, unit: 'files' });
    expect((await screen.findByRole('progressbar', { name: 'Hashing the evidence files' })).getAttribute('aria-valuenow')).toBe('75');
    expect(screen.getByText('450 of 600 files')).toBeTruthy();
    // Another job's progress (a conversation import in another window) is not this one's.
    fake.emit({ job: 'import', phase: '/x/tickets.json', done: 1, total: 100, unit: 'bytes' });
    expect(screen.getByRole('progressbar', { name: 'Hashing the evidence files' }).getAttribute('aria-valuenow')).toBe('75');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    // No second import can be started from the dialog while this one runs.
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('Cancel stops it and says nothing was changed', async () => {
    const fake = await startClaimsImport();
    fake.emit({ job: 'claims.import', phase: 'evidence', done: 100, total: 600, unit: 'files' });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Cancelled — nothing was changed')).toBeTruthy();
    expect(fake.callsTo('app.cancel')).toEqual([{ job: 'claims.import' }]);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText('Imported')).toBeNull();
    // The file is still chosen, to import again.
    expect((screen.getByLabelText('Claims file') as HTMLInputElement).value).toBe('/x/claims.csv');
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
  });
});

describe('A build that would shrink the site', () => {
  const refusingBuild = (req: { allowShrink?: boolean }) => {
    if (req.allowShrink) return built;
    throw Object.assign(new Error('This build would publish 4 of the 20 conversations the site has now: more than half would disappear from it. Nothing was changed.'), { code: 'SITE_WOULD_SHRINK', details: { published: 20, wouldPublish: 4 } });
  };

  it('asks how many conversations the site would lose, and builds anyway when told to', async () => {
    const fake = fakeTransport({ 'site.themes': () => ({ themes: [] }), 'export.check': exportCheck, 'site.build': refusingBuild });
    render(<Providers fake={fake}><SiteView tab="export" /></Providers>);
    await startExport();
    const dialog = await screen.findByRole('dialog', { name: 'Most of the site would disappear' });
    expect(dialog.textContent).toContain('The public site would lose 16 conversations: it shows 20 now, and this export would show 4.');
    // No error notice beside it: the question is the whole answer, and it names no option of the command line.
    expect(screen.queryByText('The site was not exported')).toBeNull();
    expect(dialog.textContent).not.toMatch(/--|allow-shrink/);
    await userEvent.click(screen.getByRole('button', { name: 'Build anyway' }));
    expect(await screen.findByText('The site is ready')).toBeTruthy();
    expect(fake.callsTo('site.build')).toEqual([{ out: '/sites/acme', search: true }, { out: '/sites/acme', search: true, allowShrink: true }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Cancel (or Escape) closes the question and builds nothing', async () => {
    const fake = fakeTransport({ 'site.themes': () => ({ themes: [] }), 'export.check': exportCheck, 'site.build': refusingBuild });
    render(<Providers fake={fake}><SiteView tab="export" /></Providers>);
    await startExport();
    await screen.findByRole('dialog', { name: 'Most of the site would disappear' });
    // Cancel has the focus: Enter on the question must not take the site down.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('site.build')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Export site' }));
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('site.build')).toHaveLength(2);
    expect(screen.queryByText('The site is ready')).toBeNull();
  });
});
