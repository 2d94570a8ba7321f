import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };
const invitation = (status = 'pending', expires_at = '2099-12-01T10:00:00Z') => ({ account_name: 'Contoso GmbH', status, expires_at });

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
          account: { account_name: 'Contoso GmbH', status: 'active' },
          subscriptions: [{ id: 'sub_1', plan_name: 'Microsoft 365 Business Standard', seats: 5, status: 'active' }],
        }),
    });
    renderRoutes('/partnership/tok_1');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Accept partnership' }, SLOW));
    expect(await screen.findByTestId('partnership-accepted', {}, SLOW)).toHaveTextContent('Contoso GmbH is now connected.');
    expect(screen.getByRole('link', { name: 'Microsoft 365 Business Standard' })).toHaveAttribute('href', '/app/subscriptions/sub_1');
    expect(screen.getByText('(5 users)')).toBeInTheDocument();
  });

  it.each([
    [invitation('accepted'), 'Partnership already accepted'],
    [invitation('superseded'), 'This link was replaced'],
    [invitation('pending', '2020-01-01T00:00:00Z'), 'This partnership link has expired'],
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
