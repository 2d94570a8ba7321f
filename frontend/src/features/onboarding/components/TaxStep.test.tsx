import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TaxForm } from '@/lib/api/types';
import { json, mockApi, renderRoutes, signIn } from '@/test/utils';
import { TaxStep } from './TaxStep';

const SLOW = { timeout: 10_000 };

const saved: TaxForm = {
  legal_name: 'Ana Lima',
  business_name: null,
  tax_classification: 'individual',
  address: { line1: '350 Fifth Avenue', line2: null, city: 'New York', state: 'NY', zip: '10118' },
  tin_type: 'ssn',
  tin_masked: '***-**-5462',
  signature_name: 'Ana Lima',
  signed_at: '2026-11-27T10:00:00Z',
  updated_at: '2026-11-27T10:00:00Z',
};

describe('TaxStep', () => {
  it('replacing a saved W-9 stays on the step and says it is saved, instead of moving on', async () => {
    signIn();
    const onDone = vi.fn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json({ id: 'usr_1', email: 'ana@example.com', full_name: 'Ana Lima', roles: ['freelancer'], freelancer: null }),
      'PUT /api/v1/me/tax-form': () => json({ ...saved, tin_masked: '***-**-6789', signed_at: '2026-12-01T09:00:00Z' }),
    });
    renderRoutes('/', [{ path: '/', element: <TaxStep saved={saved} onBack={() => undefined} onDone={onDone} /> }]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Replace W-9' }, SLOW));
    await user.type(screen.getByLabelText(/^Social Security number/, { selector: 'input:not([type=radio])' }), '123456789');
    await user.click(screen.getByRole('checkbox', { name: /I certify/ }));
    await user.type(screen.getByRole('textbox', { name: /Signature/ }), 'Ana Lima');
    await user.click(screen.getByRole('button', { name: 'Sign and save' }));

    expect(await screen.findByRole('status', {}, SLOW)).toHaveTextContent('Your new W-9 is saved');
    // Back on the saved view of this step (the page's query brings the new form).
    expect(screen.getByRole('button', { name: 'Replace W-9' })).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });
});
