import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes } from '@/test/utils';
import { loadCart } from '../lib/cart';
import { rememberReferral, storedReferral } from '../lib/referral';
import { plans } from './storefront.fixtures';

const SLOW = { timeout: 10_000 };
const landing = { code: 'greta42', freelancer: { display_name: 'Greta G.', photo_url: null }, plans };

describe('plan page from a referral link', () => {
  it('names the freelancer, shows four plans and prices them live by term and seats', async () => {
    mockApi({ 'GET /api/v1/r/greta42': () => json(landing) });
    const { router } = renderRoutes('/r/greta42');
    expect(await screen.findByText('Recommended by Greta G.', {}, SLOW)).toBeInTheDocument();
    const cards = screen.getAllByTestId('plan-card');
    expect(cards).toHaveLength(4);
    const standardCard = cards[1] as HTMLElement;
    expect(within(standardCard).getByTestId('unit-price')).toHaveTextContent('$15.00 per user per month');
    expect(within(standardCard).getByTestId('total-price')).toHaveTextContent('For 1 user: $15.00 per month');

    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Yearly' }));
    const seats = screen.getByRole('textbox', { name: /Number of users/ });
    await user.clear(seats);
    await user.type(seats, '5');
    expect(within(standardCard).getByTestId('unit-price')).toHaveTextContent('$150.00 per user per year');
    expect(within(standardCard).getByText('That is $12.50 per user per month.')).toBeInTheDocument();
    expect(within(standardCard).getByTestId('total-price')).toHaveTextContent('For 5 users: $750.00 per year');
    expect(within(standardCard).getByText('That is $62.50 per month.')).toBeInTheDocument();

    // The code is remembered (30 days) once the API resolved it.
    expect(storedReferral()).toMatchObject({ code: 'greta42', displayName: 'Greta G.' });
    await user.click(screen.getByRole('button', { name: 'Buy Microsoft 365 Business Standard' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout'));
    expect(loadCart()).toMatchObject({ plan: { id: 'pln_m365_business_standard' }, term: 'yearly', seats: 5, backTo: '/r/greta42' });
  });

  it('refuses 51 seats: nothing can be bought until the number is valid', async () => {
    mockApi({ 'GET /api/v1/r/greta42': () => json(landing) });
    renderRoutes('/r/greta42');
    const seats = await screen.findByRole('textbox', { name: /Number of users/ }, SLOW);
    const user = userEvent.setup();
    await user.clear(seats);
    await user.type(seats, '51');
    expect(screen.getByText('Enter a whole number from 1 to 50.')).toBeInTheDocument();
    for (const button of screen.getAllByRole('button', { name: /^Buy / })) expect(button).toBeDisabled();
  });

  it('explains an unknown code, keeps the remembered one, and still offers the plans', async () => {
    rememberReferral('hans7', 'Hans');
    mockApi({ 'GET /api/v1/r/nope': () => problem(404, 'referral_not_found') });
    renderRoutes('/r/nope');
    expect(await screen.findByRole('heading', { name: 'This referral link is not valid' }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the plans' })).toHaveAttribute('href', '/plans');
    expect(storedReferral()?.code).toBe('hans7');
  });
});

describe('plan page without a link', () => {
  it('lists the catalogue and says which earlier link the purchase is credited to', async () => {
    rememberReferral('greta42', 'Greta G.');
    mockApi({ 'GET /api/v1/plans': () => json({ data: plans }) });
    renderRoutes('/plans');
    expect(await screen.findAllByTestId('plan-card', {}, SLOW)).toHaveLength(4);
    expect(screen.getByTestId('freelancer-banner')).toHaveTextContent('credited to Greta G.');
  });

  it('has an empty state when nothing is on sale', async () => {
    mockApi({ 'GET /api/v1/plans': () => json({ data: [] }) });
    renderRoutes('/plans');
    expect(await screen.findByText('No plans on sale right now', {}, SLOW)).toBeInTheDocument();
  });
});
