import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ResultOf } from '@/lib/api/operations';
import { customerAccount, subscription } from '@/test/commerce';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

type Invitation = ResultOf<'get_partnership_invitation'>;

const SLOW = { timeout: 10_000 };
const invitation = (overrides: Partial<Invitation> = {}): Invitation => ({
  account_name: 'Contoso GmbH',
  status: 'pending',
  expires_at: '2026-12-15T10:00:00Z',
  expired: false,
  ...overrides,
});

describe('partnership page', () => {
  it('names the account and sends a visitor to log in and back', async () => {
    mockApi({ 'GET /api/v1/partnership-invitations/tok_1': () => json(invitation()) });
    const { router } = renderRoutes('/partnership/tok_1');
    expect(await screen.findByRole('heading', { name: 'Accept the partnership for Contoso GmbH' }, SLOW)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log in to accept' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Fpartnership%2Ftok_1');
  });

  it('accepts for the signed-in owner and lists the activated subscriptions', async () => {
    signIn();
    mockApi({
      'GET /api/v1/partnership-invitations/tok_1': () => json(invitation()),
      'POST /api/v1/partnership-invitations/tok_1/accept': () =>
        json({
          account: customerAccount({ status: 'active', partnership_accepted_at: '2026-12-03T10:00:00Z' }),
          subscriptions: [subscription()],
        } satisfies ResultOf<'accept_partnership_invitation'>),
    });
    renderRoutes('/partnership/tok_1');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Accept partnership' }, SLOW));
    expect(await screen.findByTestId('partnership-accepted', {}, SLOW)).toHaveTextContent('Contoso GmbH is now connected.');
    expect(screen.getByRole('link', { name: 'Microsoft 365 Business Standard' })).toHaveAttribute('href', '/app/subscriptions/sub_1');
    expect(screen.getByText('(5 users)')).toBeInTheDocument();
  });

  it('shows the link as it is now when accepting finds it expired meanwhile', async () => {
    signIn();
    let expired = false;
    mockApi({
      'GET /api/v1/partnership-invitations/tok_1': () => json(invitation({ expired })),
      'POST /api/v1/partnership-invitations/tok_1/accept': () => {
        expired = true;
        return problem(409, 'invitation_expired');
      },
    });
    renderRoutes('/partnership/tok_1');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Accept partnership' }, SLOW));
    expect(await screen.findByRole('heading', { name: 'This partnership link has expired' }, SLOW)).toBeInTheDocument();
  });

  it.each([
    [invitation({ status: 'accepted' }), 'Partnership already accepted'],
    [invitation({ status: 'superseded' }), 'This link was replaced'],
    // Expired by the server's clock, whatever the browser's says.
    [invitation({ expired: true }), 'This partnership link has expired'],
  ])('explains a link that cannot be used (%#)', async (body, title) => {
    mockApi({ 'GET /api/v1/partnership-invitations/tok_1': () => json(body) });
    renderRoutes('/partnership/tok_1');
    expect(await screen.findByRole('heading', { name: title }, SLOW)).toBeInTheDocument();
  });

  it('says when the link is unknown', async () => {
    mockApi({ 'GET /api/v1/partnership-invitations/nope': () => problem(404, 'not_found') });
    renderRoutes('/partnership/nope');
    expect(await screen.findByRole('heading', { name: 'This partnership link is not valid' }, SLOW)).toBeInTheDocument();
  });
});
