import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['admin'], freelancer: null };
const SLOW = { timeout: 10_000 };
const germany = { country: 'DE', rate_bps: 1900, label: 'USt.', updated_at: '2026-12-01T10:00:00Z' };
const austria = { country: 'AT', rate_bps: 2000, label: 'USt.', updated_at: '2026-12-01T10:00:00Z' };

function open(rates: unknown[]) {
  signIn();
  let current = rates;
  const api = mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/tax-rates': () => json({ data: current }),
    'PUT /api/v1/admin/tax-rates/DE': (req) => {
      const saved = { country: 'DE', updated_at: '2026-12-02T10:00:00Z', ...(req.body as object) };
      current = [saved, ...current.filter((r) => (r as { country: string }).country !== 'DE')];
      return json(saved);
    },
    'DELETE /api/v1/admin/tax-rates/DE': () => {
      current = current.filter((r) => (r as { country: string }).country !== 'DE');
      return new Response(null, { status: 204 });
    },
  });
  renderRoutes('/admin/tax-rates');
  return { ...api, user: userEvent.setup() };
}

describe('TaxRatesPage', () => {
  it('explains that no tax is charged until a rate is added', async () => {
    open([]);
    const empty = await screen.findByTestId('empty-state', {}, SLOW);
    expect(empty).toHaveTextContent('No tax is charged on any invoice until a rate is added');
    expect(within(empty).getByRole('button', { name: 'Add tax rate' })).toBeInTheDocument();
  });

  it('lists each country by name with its rate and label', async () => {
    open([germany, austria]);
    const rows = await screen.findAllByTestId('tax-rate-row', {}, SLOW);
    // Sorted by the country's name: Austria before Germany.
    expect(rows[0]).toHaveTextContent('Austria');
    expect(rows[0]).toHaveTextContent('20%');
    expect(rows[1]).toHaveTextContent('Germany');
    expect(rows[1]).toHaveTextContent('19%');
    expect(rows[1]).toHaveTextContent('USt.');
  });

  it('changes a rate, typed with a decimal comma, sent as basis points', async () => {
    const { user, calls } = open([germany]);
    await user.click(await screen.findByRole('button', { name: 'Edit the rate for Germany' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Tax rate for Germany' });
    const rate = within(dialog).getByLabelText(/Rate/);
    expect(rate).toHaveValue('19');
    await user.clear(rate);
    await user.type(rate, '7,25');
    await user.click(within(dialog).getByRole('button', { name: 'Save rate' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ rate_bps: 725, label: 'USt.' });
    expect(await screen.findByText('7.25%')).toBeInTheDocument();
  });

  it('deletes a rate after saying its buyers pay no tax from now on', async () => {
    const { user, calls } = open([germany]);
    await user.click(await screen.findByRole('button', { name: 'Delete the rate for Germany' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the tax rate for Germany?' });
    expect(dialog).toHaveTextContent('Invoices to buyers in Germany carry no tax from now on.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete rate' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/admin/tax-rates/DE')).toBe(true));
    expect(await screen.findByTestId('empty-state')).toBeInTheDocument();
  });

  it('validates a new rate before sending it', async () => {
    const { user, calls } = open([]);
    await user.click(await screen.findByRole('button', { name: 'Add tax rate' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Add a tax rate' });
    await user.type(within(dialog).getByLabelText(/Rate/), '19.999');
    await user.click(within(dialog).getByRole('button', { name: 'Add rate' }));
    expect(await within(dialog).findByText('Choose a country.')).toBeInTheDocument();
    expect(within(dialog).getByText(/at most two decimal places/)).toBeInTheDocument();
    expect(within(dialog).getByText('Enter the label invoices print.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });
});
