import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['admin'], freelancer: null };
const SLOW = { timeout: 10_000 };

const v1 = { version: 1, title: 'Programme terms', published_at: '2026-11-01T00:00:00Z', published_by: null, acceptances: 42, current: true };

describe('TermsPage', () => {
  it('lists versions with acceptances and publishes only after confirming', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/terms': () => json({ data: [v1], next_cursor: null }),
      'POST /api/v1/admin/terms': (req) =>
        json({ ...v1, version: 2, title: (req.body as { title: string }).title, acceptances: 0 }, 201),
    });
    renderRoutes('/admin/terms');
    const row = await screen.findByTestId('terms-row', {}, SLOW);
    expect(row).toHaveTextContent('42');
    expect(within(row).getByText('Current')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Title/), 'Terms 2027');
    await user.type(screen.getByLabelText(/^Text of the terms/), 'These terms govern the programme from 2027 on.');
    await user.click(screen.getByRole('button', { name: 'Publish new version' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish these terms?' });
    expect(dialog).toHaveTextContent('Every freelancer must accept it again');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        title: 'Terms 2027',
        body: 'These terms govern the programme from 2027 on.',
      }),
    );
  });

  it('puts the server’s field errors next to the fields', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/terms': () => json({ data: [v1], next_cursor: null }),
      'POST /api/v1/admin/terms': () => problem(422, 'validation_failed', { errors: [{ field: 'title', message: 'must not be blank' }] }),
    });
    renderRoutes('/admin/terms');
    await screen.findByTestId('terms-row', {}, SLOW);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Title/), 'x');
    await user.type(screen.getByLabelText(/^Text of the terms/), 'Twenty or more characters of terms.');
    await user.click(screen.getByRole('button', { name: 'Publish new version' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(screen.getByLabelText(/^Title/)).toHaveAccessibleDescription('must not be blank'));
  });
});
