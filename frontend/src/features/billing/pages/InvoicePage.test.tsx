import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { invoice as invoiceOf, customerMe as me } from '@/test/commerce';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const invoice = invoiceOf();

const SLOW = { timeout: 10_000 };


describe('invoice page', () => {
  it('shows the document with lines, tax and total, prints, and downloads the PDF with the session', async () => {
    signIn('acc-1');
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/customer/invoices/inv_1': () => json(invoice),
      'GET /api/v1/customer/invoices/inv_1/pdf': () => new Response('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf' } }),
    });
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const createUrl = vi.fn(() => 'blob:invoice');
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = createUrl;
    URL.revokeObjectURL = vi.fn();
    onTestFinished(() => {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    renderRoutes('/app/billing/invoices/inv_1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Invoice 2026-000001' }, SLOW)).toBeInTheDocument();
    const lines = screen.getByTestId('invoice-lines');
    expect(within(lines).getByText('Microsoft 365 Business Standard, yearly')).toBeInTheDocument();
    expect(within(lines).getByText('Period: Dec 1, 2026 to Dec 1, 2027')).toBeInTheDocument();
    const totals = screen.getByTestId('invoice-totals');
    expect(totals).toHaveTextContent('Subtotal$750.00');
    expect(totals).toHaveTextContent('Tax (19%)$142.50');
    expect(totals).toHaveTextContent('Total$892.50');
    expect(screen.getByTestId('bill-to')).toHaveTextContent('Germany');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();

    const link = screen.getByRole('link', { name: 'Download PDF' });
    expect(link).toHaveAttribute('href', '/api/v1/customer/invoices/inv_1/pdf');
    await user.click(link);
    await waitFor(() => expect(click).toHaveBeenCalled());
    const request = calls.find((c) => c.path === '/api/v1/customer/invoices/inv_1/pdf');
    expect(request?.authorization).toBe('Bearer acc-1');
    expect(createUrl).toHaveBeenCalledOnce();
  });

  it('names a credit note and links the invoice it credits', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/customer/invoices/inv_2': () =>
        json({ ...invoice, id: 'inv_2', number: '2026-000002', kind: 'credit_note', status: 'issued', credits_invoice_id: 'inv_1', credits_invoice_number: '2026-000001' }),
    });
    renderRoutes('/app/billing/invoices/inv_2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Credit note 2026-000002' }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2026-000001' })).toHaveAttribute('href', '/app/billing/invoices/inv_1');
  });

  it('says when the invoice is not found (or not yours)', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(me), 'GET /api/v1/customer/invoices/inv_9': () => problem(404, 'not_found') });
    renderRoutes('/app/billing/invoices/inv_9');
    expect(await screen.findByRole('heading', { name: 'Invoice not found' }, SLOW)).toBeInTheDocument();
  });
});

describe('billing and payments', () => {
  it('lists invoices and credit notes', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/customer/invoices': () =>
        json({ data: [{ ...invoice, id: 'inv_2', number: '2026-000002', kind: 'credit_note', status: 'issued' }, invoice], next_cursor: null }),
    });
    renderRoutes('/app/billing');
    const rows = await screen.findAllByTestId('invoice-row', {}, SLOW);
    expect(rows[0]).toHaveTextContent('Credit note 2026-000002');
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'Invoice 2026-000001' })).toHaveAttribute('href', '/app/billing/invoices/inv_1');
  });

  it('has an empty state', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(me), 'GET /api/v1/customer/invoices': () => json({ data: [], next_cursor: null }) });
    renderRoutes('/app/billing');
    expect(await screen.findByText('No invoices yet', {}, SLOW)).toBeInTheDocument();
  });
});
