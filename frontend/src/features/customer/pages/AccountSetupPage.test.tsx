import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { customerAccount as account, customerMe as me } from '@/test/commerce';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };


async function fillCompanyAndContact(user: UserEvent) {
  await user.click(await screen.findByRole('textbox', { name: /Account name/ }, SLOW));
  await user.paste('Contoso GmbH');
  await user.click(screen.getByRole('textbox', { name: /Street and number/ }));
  await user.paste('Hauptstr. 1');
  await user.click(screen.getByRole('textbox', { name: /Postal code/ }));
  await user.paste('50667');
  await user.click(screen.getByRole('textbox', { name: /City/ }));
  await user.paste('Köln');
  await user.click(screen.getByRole('combobox', { name: /Country/ }));
  await user.paste('Germany');
  await user.click(await screen.findByRole('option', { name: 'Germany' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('textbox', { name: /Full name/ }, SLOW));
  await user.paste('Kim Customer');
  await user.click(screen.getByRole('textbox', { name: /Email address/ }));
  await user.paste('kim@contoso.example');
  await user.click(screen.getByRole('textbox', { name: /Phone number/ }));
  await user.paste('+49 221 123456');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

describe('Microsoft account set-up', () => {
  it('walks through the wizard, checks the domain live and sends the account', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/customer/account': () => problem(404, 'not_found'),
      'GET /api/v1/customer/domain-availability': (r) => {
        const name = new URLSearchParams(r.query).get('name');
        return json({ domain: `${name}.onmicrosoft.com`, available: name !== 'taken' });
      },
      'POST /api/v1/customer/accounts': () => json(account(), 201),
    });
    renderRoutes('/app/account/setup');
    const user = userEvent.setup();
    // Nothing filled in: the first step says what is missing and does not move on.
    await user.click(await screen.findByRole('button', { name: 'Next' }, SLOW));
    expect(await screen.findAllByText('Please fill in this field.')).not.toHaveLength(0);

    await fillCompanyAndContact(user);
    const domain = await screen.findByRole('textbox', { name: /Domain name/ }, SLOW);
    await user.type(domain, 'taken');
    expect(await screen.findByText('taken.onmicrosoft.com is already taken. Please choose another name.', {}, SLOW)).toBeInTheDocument();
    await user.clear(domain);
    await user.type(domain, 'contoso');
    expect(await screen.findByText('contoso.onmicrosoft.com is available.', {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByText('contoso.onmicrosoft.com', {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send for review' }));
    expect(await screen.findByTestId('account-status', {}, SLOW)).toHaveAttribute('data-status', 'submitted');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      account_name: 'Contoso GmbH',
      address: { line1: 'Hauptstr. 1', line2: null, city: 'Köln', region: null, postal_code: '50667', country: 'DE' },
      primary_contact: { name: 'Kim Customer', email: 'kim@contoso.example', phone: '+49 221 123456' },
      existing_customer: false,
      domain: 'contoso',
    });
  });

  it('takes an existing customer’s own domain, and puts a server error back on its field', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/customer/account': () => problem(404, 'not_found'),
      'POST /api/v1/customer/accounts': () =>
        problem(422, 'validation_failed', { errors: [{ field: 'address.postal_code', message: 'Enter a German postal code.' }] }),
    });
    renderRoutes('/app/account/setup');
    const user = userEvent.setup();
    await fillCompanyAndContact(user);
    await user.click(await screen.findByRole('radio', { name: /I am already a Microsoft customer/ }, SLOW));
    await user.click(screen.getByRole('textbox', { name: /Your existing domain/ }));
    await user.paste('contoso.de');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Send for review' }, SLOW));
    // Back on the first step, next to the field.
    expect(await screen.findByText('Enter a German postal code.', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Postal code/ })).toHaveAttribute('aria-invalid', 'true');
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ existing_customer: true, domain: 'contoso.de' });
  });

  it('shows the rejection reason and resubmits the corrected account', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/customer/account': () => json(account({ status: 'rejected', rejection_reason: 'The address is incomplete.' })),
      'PUT /api/v1/customer/account': () => json(account()),
    });
    renderRoutes('/app/account/setup');
    expect(await screen.findByTestId('rejection-reason', {}, SLOW)).toHaveTextContent('The address is incomplete.');
    const user = userEvent.setup();
    const line2 = screen.getByRole('textbox', { name: /Address line 2/ });
    await user.type(line2, '3. OG');
    for (let i = 0; i < 3; i += 1) await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Send again for review' }, SLOW));
    await waitFor(() => expect(screen.getByTestId('account-status')).toHaveAttribute('data-status', 'submitted'));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ address: { line2: '3. OG' }, domain: 'contoso' });
  });

  it.each([
    ['approved', 'Your account is approved'],
    ['active', 'Your Microsoft account is active'],
  ] as const)('shows an %s account', async (status, title) => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(me), 'GET /api/v1/customer/account': () => json(account({ status })) });
    renderRoutes('/app/account/setup');
    expect(await screen.findByText(title, {}, SLOW)).toBeInTheDocument();
  });
});
