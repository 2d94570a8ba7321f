import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };
const SLOW = { timeout: 10_000 };

describe('AdminHomePage', () => {
  it('counts what is waiting, with "+" when there are more pages, and links to the filtered lists', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications': () => json({ data: Array.from({ length: 3 }, (_, i) => ({ id: `app_${i}` })), next_cursor: null }),
      'GET /api/v1/admin/appeals': () => json({ data: Array.from({ length: 100 }, (_, i) => ({ id: `apl_${i}` })), next_cursor: 'more' }),
      'GET /api/v1/admin/support-tickets': () => json({ data: [], next_cursor: null }),
      'GET /api/v1/admin/invitations': () => problem(500, 'internal'),
      'GET /api/v1/admin/customer-accounts': () => json({ data: [{ id: 'cac_1' }], next_cursor: null }),
      'GET /api/v1/admin/withdrawals': () => json({ data: [{ id: 'wd_1' }, { id: 'wd_2' }], next_cursor: null }),
    });
    renderRoutes('/admin');
    expect(await screen.findByTestId('count-applications', {}, SLOW)).toHaveTextContent('3');
    expect(await screen.findByTestId('count-appeals')).toHaveTextContent('100+');
    expect(await screen.findByTestId('count-tickets')).toHaveTextContent('0');
    expect(await screen.findByTestId('count-customer-accounts')).toHaveTextContent('1');
    expect(await screen.findByText('The number could not be loaded.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Review applications/ })).toHaveAttribute('href', '/admin/applications?status=submitted');
    expect(screen.getByRole('link', { name: /Answer tickets/ })).toHaveAttribute('href', '/admin/support?status=open');
    expect(calls.map((c) => c.path)).toContain('/api/v1/admin/invitations');
    expect(screen.getByRole('link', { name: /Review customer accounts/ })).toHaveAttribute('href', '/admin/customer-accounts');
    expect(calls.find((c) => c.path === '/api/v1/admin/customer-accounts')?.query).toContain('status=submitted');
    expect(await screen.findByTestId('count-payouts')).toHaveTextContent('2');
    expect(screen.getByRole('link', { name: /See payouts/ })).toHaveAttribute('href', '/admin/withdrawals?status=requested');
    expect(calls.find((c) => c.path === '/api/v1/admin/withdrawals')?.query).toContain('status=requested');
    // The staff sub-navigation marks where we are.
    const nav = screen.getByRole('navigation', { name: 'Administration sections' });
    expect(nav.querySelector('[aria-current="page"]')).toHaveTextContent('Overview');
  });
});
