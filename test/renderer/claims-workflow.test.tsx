// @vitest-environment jsdom
// Nothing published unchecked: publishing and retiring ask first, evidence is not independent until someone says so,
// and the second-approver setting and its refusal are shown where claims are approved.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Res } from '../../electron/shared/contract.ts';
import { emptyEvidence } from '../../renderer/src/views/claims/claim-form.ts';
import { ClaimEditor } from '../../renderer/src/views/claims/ClaimEditor.tsx';
import { SecondApproverSetting } from '../../renderer/src/views/claims/WorkflowDialogs.tsx';
import { fakeTransport, Providers } from './helpers.tsx';

// `getBy…` and `findBy…` queries fail the test when the element is not there (`findBy…` after waiting for it);
// `expect(…).toBeTruthy()` around them only marks the line as one of the things checked.

afterEach(cleanup);

type Detail = Res<'claims.get'>;
type Finding = Detail['findings'][number];

const claim = {
  id: 'bottle', title: 'Recycled bottle', statement: 'Our bottle is made from 50% recycled plastic.', markets: ['EU' as const], category: 'recycled_content' as const,
  scope: 'part' as const, scope_detail: 'bottle', metric: null, unit: '%', baseline: null, target: null, current_value: 50, current_as_of: null, comparison_basis: null,
  uses_offsets: null, label: null, owner: null, language: null, evidence: [],
};
const generic: Finding = { claim: 'bottle', rule: 'GC-GENERIC-TERM', severity: 'error', citation: 'EU Annex I 4a', message: 'In the title: "Eco" is a generic claim', fix: 'Say what is better' };
const warning: Finding = { claim: 'bottle', rule: 'GC-RECYCLED-PCT', severity: 'warning', citation: 'FTC §260.12', message: 'Say what share is recycled', fix: 'Give the share' };

function editor(findings: Finding[], status: Detail['record']['status'] = 'approved', transition?: (req: unknown) => Res<'claims.transition'>) {
  const record = { claim, status, revision: 0, createdAt: '', createdBy: 'alice', updatedAt: '2026-11-01T00:00:00Z', updatedBy: 'alice' } as unknown as Detail['record'];
  const fake = fakeTransport({
    'claims.get': () => ({ record, asOf: '2026-11-24', findings, progress: null, disclaimer: 'not legal advice' }),
    'claims.lint': () => ({ asOf: '2026-11-24', findings, disclaimer: 'not legal advice' }),
    'claims.history': () => ({ id: 'bottle', title: 'Recycled bottle', status, revision: 0, revisions: [], unpublished: null, events: [] }),
    'claims.transition': transition ?? ((req) => ({ record: { ...record, status: (req as { to: Detail['record']['status'] }).to }, publishedRevision: 1, unchanged: false, overridden: [] })),
  });
  render(<Providers fake={fake}><ClaimEditor claimId="bottle" onSaved={() => undefined} /></Providers>);
  return fake;
}

describe('publishing asks first', () => {
  it('names the error-level findings and publishes over them only with a reason', async () => {
    const fake = editor([generic, warning]);
    await userEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish despite the check?' });
    expect(within(dialog).getByText('In the title: "Eco" is a generic claim')).toBeTruthy();
    expect(within(dialog).getByText('Say what share is recycled')).toBeTruthy();
    const go = within(dialog).getByRole('button', { name: 'Publish anyway' }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    expect(fake.callsTo('claims.transition')).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText('Reason for publishing anyway'), 'Legal signed off the title.');
    await userEvent.click(go);
    await waitFor(() => expect(fake.callsTo('claims.transition')).toEqual([{ id: 'bottle', to: 'published', override: 'Legal signed off the title.' }]));
  });

  it('asks even when the check found nothing, and Cancel publishes nothing', async () => {
    const fake = editor([]);
    await userEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    let dialog = await screen.findByRole('dialog', { name: 'Publish “Recycled bottle”?' });
    expect(within(dialog).getByText('The check found nothing.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('claims.transition')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(fake.callsTo('claims.transition')).toEqual([{ id: 'bottle', to: 'published' }]));
  });

  it('shows the core’s refusal when the author tries to approve their own claim', async () => {
    editor([], 'in_review', () => {
      throw Object.assign(new Error('Claim "bottle" was last written by you (alice); this workspace needs a second person to approve and publish it. Ask a colleague to approve it.'), { code: 'SECOND_APPROVER_REQUIRED' });
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('A colleague must approve this claim')).toBeTruthy();
    expect(screen.getByText(/Ask a colleague to approve it/)).toBeTruthy();
  });
});

describe('retiring asks why', () => {
  it('sends the reason with the retirement', async () => {
    const fake = editor([], 'published');
    await userEvent.click(await screen.findByRole('button', { name: 'Retire' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retire “Recycled bottle”?' });
    await userEvent.type(within(dialog).getByLabelText(/Why it is retired/), 'We changed bottle supplier.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retire' }));
    await waitFor(() => expect(fake.callsTo('claims.transition')).toEqual([{ id: 'bottle', to: 'retired', reason: 'We changed bottle supplier.' }]));
  });
});

describe('evidence and the second approver', () => {
  it('new evidence is not independent until someone ticks it', async () => {
    expect(emptyEvidence().independent_third_party).toBe(false);
    editor([], 'draft');
    await userEvent.click(await screen.findByRole('button', { name: 'Attach evidence…' }));
    expect((screen.getByRole('checkbox', { name: 'Issued by an independent third party' }) as HTMLInputElement).checked).toBe(false);
  });

  it('shows the workspace setting and changes it through the core', async () => {
    let on = false;
    const set = vi.fn((req: { secondApprover?: boolean }) => ({ secondApprover: (on = req.secondApprover ?? on) }));
    const fake = fakeTransport({ 'claims.settings.get': () => ({ secondApprover: on }), 'claims.settings.set': set });
    render(<Providers fake={fake}><SecondApproverSetting /></Providers>);
    const box = await screen.findByRole('checkbox', { name: 'Require a second approver' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await userEvent.click(box);
    await waitFor(() => expect(set).toHaveBeenCalledWith({ secondApprover: true }));
    expect(await screen.findByText('Whoever last wrote a claim cannot approve or publish it.')).toBeTruthy();
  });
});
