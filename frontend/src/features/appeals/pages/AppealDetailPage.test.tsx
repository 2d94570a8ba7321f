import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };
const SLOW = { timeout: 10_000 };

const appeal = {
  id: 'apl_1',
  freelancer_id: 'fl_1',
  freelancer_name: 'Ada Appellant',
  freelancer_email: 'ada@example.com',
  subject_type: 'application',
  subject_id: 'app_1',
  explanation: 'My certifications were not attached; here they are.',
  status: 'submitted',
  reviewer_note: null,
  decided_at: null,
  created_at: '2026-11-22T10:00:00Z',
  updated_at: '2026-11-22T10:00:00Z',
};

const application = {
  id: 'app_1',
  freelancer_id: 'fl_1',
  status: 'appealed',
  m365_experience: 'basic',
  us_clients_served: 1,
  certifications: [],
  country: 'US',
  motivation: 'Motivation of twenty characters.',
  links: [],
  invited: false,
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-21T10:00:00Z',
  decision: { outcome: 'rejected', decided_at: '2026-11-21T10:00:00Z', reason: 'needs_more_detail', note: null },
};

describe('AppealDetailPage', () => {
  it('starts the review and records an upheld decision with a note', async () => {
    signIn();
    let current: Record<string, unknown> = appeal;
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/appeals/apl_1': () => json(current),
      'GET /api/v1/admin/applications/app_1': () => json(application),
      'POST /api/v1/admin/appeals/apl_1/review': () => json((current = { ...appeal, status: 'in_review' })),
      'POST /api/v1/admin/appeals/apl_1/decide': (req) =>
        json((current = { ...appeal, status: 'upheld', reviewer_note: (req.body as { note: string }).note, decided_at: '2026-11-23T10:00:00Z' })),
    });
    renderRoutes('/admin/appeals/apl_1');
    await screen.findByRole('heading', { name: 'Appeal by Ada Appellant' }, SLOW);
    expect(screen.getByText('My certifications were not attached; here they are.')).toBeInTheDocument();
    const appealed = screen.getByRole('region', { name: 'Appealed application' });
    expect(await within(appealed).findByText('Needs more detail')).toBeInTheDocument();
    expect(within(appealed).getByRole('link', { name: 'Open the application' })).toHaveAttribute('href', '/admin/applications/app_1');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Start review' }));
    expect(await screen.findByText('In review')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start review' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Choose whether to uphold or deny the appeal.')).toBeInTheDocument();
    expect(screen.getByText('Write a note to the freelancer.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Uphold' }));
    await user.type(screen.getByLabelText(/Note to the freelancer/), 'Thanks, approved.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/decide'))?.body).toEqual({ decision: 'upheld', note: 'Thanks, approved.' }),
    );
    const decision = screen.getByRole('region', { name: 'Decision' });
    expect(await within(decision).findByText('Thanks, approved.')).toBeInTheDocument();
    expect(within(decision).getByText('Upheld')).toBeInTheDocument();
    // The form is gone once decided; the confirmation must still show (it did not).
    expect(await screen.findByText('Appeal decided: Upheld.', {}, { timeout: 5_000 })).toBeInTheDocument();
  });
});
