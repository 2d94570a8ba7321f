import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, signIn, type RecordedRequest } from '@/test/utils';
import { catalog, plan, staffMe } from '../test/fixtures';

const SLOW = { timeout: 10_000 };

async function open(handlers: Parameters<typeof mockApi>[0] = {}) {
  signIn();
  const api = mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/catalog': () => json(catalog()),
    ...handlers,
  });
  renderRoutes('/admin/catalog');
  await screen.findByRole('heading', { name: 'Microsoft 365', level: 2 }, SLOW);
  return { ...api, user: userEvent.setup() };
}

const posts = (calls: RecordedRequest[]) => calls.filter((c) => c.method !== 'GET');

describe('CatalogPage', () => {
  it('lists each plan with its prices per seat, commission and whether it is sold', async () => {
    await open();
    const [basic, old] = screen.getAllByTestId('plan-row');
    expect(basic).toHaveTextContent('Microsoft 365 Business Basic');
    expect(basic).toHaveTextContent('$7.20');
    expect(basic).toHaveTextContent('$72.00');
    expect(basic).toHaveTextContent('15%');
    expect(basic).toHaveTextContent('On sale');
    expect(old).toHaveTextContent('Retired');
    expect(within(old!).getByRole('button', { name: 'Reactivate Microsoft 365 Old Plan' })).toBeInTheDocument();
  });

  it('adds a plan with prices typed in dollars, sent as exact cents', async () => {
    const { user, calls } = await open({
      'POST /api/v1/admin/plans': (req) => json({ ...plan(), ...(req.body as object), id: 'pln_new' }, 201),
    });
    await user.click(screen.getByRole('button', { name: 'Add plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a plan to Microsoft 365' });
    await user.click(within(dialog).getByRole('button', { name: 'Add plan' }));
    expect(await within(dialog).findByText('Enter a name.')).toBeInTheDocument();
    expect(within(dialog).getAllByText('Enter a value.')).toHaveLength(3);
    expect(posts(calls)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Plan name/), 'Microsoft 365 Business Premium');
    await user.type(within(dialog).getByLabelText(/Price billed monthly/), '26,40');
    await user.type(within(dialog).getByLabelText(/Price billed yearly/), '1,234.56');
    await user.type(within(dialog).getByLabelText(/Commission rate/), '12.5');
    await user.click(within(dialog).getByRole('button', { name: 'Add plan' }));
    expect(await within(dialog).findByText(/without thousands separators/)).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText(/Price billed yearly/));
    await user.type(within(dialog).getByLabelText(/Price billed yearly/), '263.99');
    await user.click(within(dialog).getByRole('button', { name: 'Add plan' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts(calls)[0]?.body).toEqual({
      product_id: 'prd_m365',
      name: 'Microsoft 365 Business Premium',
      description: '',
      monthly_price_cents: 2640,
      yearly_price_cents: 26399,
      commission_rate_bps: 1250,
    });
  });

  it('edits a price: says it applies from the next renewal and sends only the change', async () => {
    const { user, calls } = await open({
      'PATCH /api/v1/admin/plans/pln_basic': (req) => json({ ...plan(), ...(req.body as object) }),
    });
    await user.click(screen.getByRole('button', { name: 'Edit Microsoft 365 Business Basic' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Microsoft 365 Business Basic' });
    expect(within(dialog).getByTestId('renewal-note')).toHaveTextContent("applies from each subscription's next renewal");
    const monthly = within(dialog).getByLabelText(/Price billed monthly/);
    expect(monthly).toHaveValue('7.20');
    expect(within(dialog).getByLabelText(/Commission rate/)).toHaveValue('15');
    await user.clear(monthly);
    await user.type(monthly, '7.99');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts(calls).map((c) => c.body)).toEqual([{ monthly_price_cents: 799 }]);
  });

  it('shows a server field error next to its field', async () => {
    const { user } = await open({
      'PATCH /api/v1/admin/plans/pln_basic': () =>
        problem(422, 'validation_failed', { errors: [{ field: 'commission_rate_bps', message: 'The rate must be at most 5000 basis points.' }] }),
    });
    await user.click(screen.getByRole('button', { name: 'Edit Microsoft 365 Business Basic' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Microsoft 365 Business Basic' });
    const rate = within(dialog).getByLabelText(/Commission rate/);
    await user.clear(rate);
    await user.type(rate, '60');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByText('The rate must be at most 5000 basis points.')).toBeInTheDocument();
    expect(rate).toHaveAttribute('aria-invalid', 'true');
  });

  it('retires a plan after saying existing subscriptions keep renewing', async () => {
    const { user, calls } = await open({
      'PATCH /api/v1/admin/plans/pln_basic': (req) => json({ ...plan(), ...(req.body as object) }),
    });
    await user.click(screen.getByRole('button', { name: 'Retire Microsoft 365 Business Basic' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retire Microsoft 365 Business Basic?' });
    expect(dialog).toHaveTextContent('Existing subscriptions of it keep renewing');
    await user.click(within(dialog).getByRole('button', { name: 'Retire plan' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts(calls).map((c) => c.body)).toEqual([{ active: false }]);
  });

  it('adds a product', async () => {
    const { user, calls } = await open({
      'POST /api/v1/admin/products': (req) => json({ id: 'prd_new', plans: [], ...(req.body as object) }, 201),
    });
    await user.click(screen.getByRole('button', { name: 'Add product' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a product' });
    await user.type(within(dialog).getByLabelText(/Product name/), ' Dynamics 365 ');
    await user.type(within(dialog).getByLabelText(/Vendor/), 'Microsoft');
    await user.click(within(dialog).getByRole('button', { name: 'Add product' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts(calls)[0]?.body).toEqual({ name: 'Dynamics 365', vendor: 'Microsoft', description: '' });
  });

  it('explains an empty catalogue', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(staffMe), 'GET /api/v1/admin/catalog': () => json({ products: [] }) });
    renderRoutes('/admin/catalog');
    const empty = await screen.findByTestId('empty-state', {}, SLOW);
    expect(empty).toHaveTextContent('No products yet');
    expect(empty).toHaveTextContent('Nothing is on sale until then.');
  });
});
