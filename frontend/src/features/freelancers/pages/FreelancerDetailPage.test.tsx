import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };
const SLOW = { timeout: 10_000 };

const freelancer = {
  id: 'fl_1',
  user_id: 'usr_2',
  email: 'ada@example.com',
  full_name: 'Ada Freelancer',
  status: 'approved',
  tier: 'standard',
  onboarding_required: true,
  created_at: '2026-11-01T10:00:00Z',
  eligible: false,
  eligible_since: null,
  missing_steps: ['tax_form', 'terms'],
  referral_code: null,
};

const program = {
  clearing_days: 14,
  clearing_periods: [
    { tier: 'standard', tier_name: 'Standard', days: 14 },
    { tier: 'top_rated', tier_name: 'Top Rated', days: 7 },
    { tier: 'pro', tier_name: 'Pro', days: 7 },
    { tier: 'seller_plus_premium', tier_name: 'Seller Plus Premium', days: 7 },
  ],
};

describe('FreelancerDetailPage', () => {
  it('shows eligibility and missing steps, and sets the tier with its clearing period', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/program': () => json(program),
      'GET /api/v1/admin/freelancers/fl_1': () => json(freelancer),
      'PUT /api/v1/admin/freelancers/fl_1/tier': () => json({ ...freelancer, tier: 'pro' }),
    });
    renderRoutes('/admin/freelancers/fl_1');
    expect(await screen.findByRole('heading', { name: 'Ada Freelancer' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('Not eligible yet')).toBeInTheDocument();
    expect(screen.getByTestId('missing-steps')).toHaveTextContent('W-9 tax form');
    expect(screen.getByText('None yet (given once eligible)')).toBeInTheDocument();

    const standard = await screen.findByRole('radio', { name: /^Standard · current/ });
    expect(standard).toHaveTextContent('Funds available 14 days after activation');
    const pro = screen.getByRole('radio', { name: /^Pro/ });
    expect(pro).toHaveTextContent('Funds available 7 days after activation');
    const save = screen.getByRole('button', { name: 'Save tier' });
    expect(save).toBeDisabled();

    const user = userEvent.setup();
    await user.click(pro);
    await user.click(save);
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ tier: 'pro' }));
    expect(await screen.findByRole('radio', { name: /^Pro · current/ })).toBeInTheDocument();
  });
});
