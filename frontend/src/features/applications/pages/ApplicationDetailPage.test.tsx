import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };
const SLOW = { timeout: 10_000 };

const application = {
  id: 'app_1',
  freelancer_id: 'fl_1',
  status: 'submitted',
  m365_experience: 'expert',
  us_clients_served: 3,
  certifications: [],
  country: 'US',
  motivation: 'Twenty characters or more of motivation.',
  links: ['https://example.com/ada', 'javascript:alert(1)'],
  invited: true,
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-20T10:00:00Z',
  applicant: { user_id: 'usr_2', email: 'ada@example.com', full_name: 'Ada Applicant' },
  decision: null,
};

async function openReject() {
  signIn();
  // The server's state: the detail is fetched again after the decision.
  let current: Record<string, unknown> = application;
  const api = mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/applications/app_1': () => json(current),
    'POST /api/v1/admin/applications/app_1/reject': (req) => {
      current = {
        ...application,
        status: 'rejected',
        decision: {
          outcome: 'rejected',
          decided_at: '2026-11-21T09:00:00Z',
          reason: (req.body as { reason: string }).reason,
          note: (req.body as { note: string | null }).note,
          reason_text: 'Other',
        },
      };
      return json(current);
    },
  });
  renderRoutes('/admin/applications/app_1');
  await screen.findByRole('heading', { name: 'Application from Ada Applicant' }, SLOW);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Reject' }));
  const dialog = await screen.findByRole('dialog', { name: 'Reject this application?' });
  return { ...api, user, dialog };
}

describe('ApplicationDetailPage', () => {
  it('shows the answers, the invited badge, and only safe links as links', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications/app_1': () => json(application),
    });
    renderRoutes('/admin/applications/app_1');
    await screen.findByRole('heading', { name: 'Application from Ada Applicant' }, SLOW);
    expect(screen.getByText('Invited')).toBeInTheDocument();
    expect(screen.getByText('Expert')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'https://example.com/ada' })).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(screen.queryByRole('link', { name: 'javascript:alert(1)' })).not.toBeInTheDocument();
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
    expect(screen.getByText('Not decided yet.')).toBeInTheDocument();
  });

  it('requires a note when the reason is "other"', async () => {
    const { user, dialog, calls } = await openReject();
    await user.click(within(dialog).getByRole('radio', { name: 'Other' }));
    await user.click(within(dialog).getByRole('button', { name: 'Reject application' }));
    expect(await within(dialog).findByText('Explain the reason in a note when you choose "Other".')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Note to the applicant/), 'We only onboard US-based experts.');
    await user.click(within(dialog).getByRole('button', { name: 'Reject application' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ reason: 'other', note: 'We only onboard US-based experts.' });
    expect(await screen.findAllByText('Rejected')).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
  });

  it('needs a reason, and sends no note when none is written', async () => {
    const { user, dialog, calls } = await openReject();
    await user.click(within(dialog).getByRole('button', { name: 'Reject application' }));
    expect(await within(dialog).findByText('Choose a reason.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Not the right fit' }));
    await user.click(within(dialog).getByRole('button', { name: 'Reject application' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'not_the_right_fit', note: null }));
  });

  it('explains a 409 invalid_status: someone decided first', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications/app_1': () => json(application),
      'POST /api/v1/admin/applications/app_1/approve': () =>
        problem(409, 'invalid_status', { detail: 'An application that is rejected cannot be approved here.' }),
    });
    renderRoutes('/admin/applications/app_1');
    await screen.findByRole('heading', { name: 'Application from Ada Applicant' }, SLOW);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this application?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve application' }));
    const alert = await within(dialog).findByTestId('invalid-status');
    expect(alert).toHaveTextContent('This has already moved on');
    expect(alert).toHaveTextContent('An application that is rejected cannot be approved here.');
  });

  it('approves with an optional note', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications/app_1': () => json(application),
      'POST /api/v1/admin/applications/app_1/approve': () =>
        json({ ...application, status: 'approved', decision: { outcome: 'approved', decided_at: '2026-11-21T09:00:00Z' } }),
    });
    renderRoutes('/admin/applications/app_1');
    await screen.findByRole('heading', { name: 'Application from Ada Applicant' }, SLOW);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this application?' });
    await user.type(within(dialog).getByLabelText(/Note to the applicant/), '  Welcome aboard, Ana!  ');
    await user.click(within(dialog).getByRole('button', { name: 'Approve application' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ note: 'Welcome aboard, Ana!' }));
  });

  it('shows a missing application as an error', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(staffMe) });
    renderRoutes('/admin/applications/app_404');
    expect(await screen.findByTestId('error-state', {}, SLOW)).toHaveTextContent('This could not be found.');
    expect(screen.getByRole('link', { name: /All applications/ })).toHaveAttribute('href', '/admin/applications');
  });
});
