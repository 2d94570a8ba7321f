import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '@/i18n';
import { json, mockApi, renderRoutes, sampleMe, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };
const me = { ...sampleMe, email_verified: true, locale: 'en' };

afterEach(async () => {
  await changeLanguage('en');
});

describe('LanguageSwitcher', () => {
  it('signed in, switching to German also makes German the language of the account', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'PATCH /api/v1/me': (req) => json({ ...me, ...(req.body as object) }),
      'GET /api/v1/me/application': () => json({}, 404),
    });
    renderRoutes('/app');
    const select = await screen.findByRole('combobox', { name: 'Language' }, SLOW);
    await userEvent.setup().selectOptions(select, 'de');
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: '/api/v1/me', body: { locale: 'de' } });
    expect(await screen.findByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
  });

  it('signed out, switching changes only the page', async () => {
    const { calls } = mockApi({ 'GET /api/v1/program': () => json({}, 404) });
    renderRoutes('/login');
    const select = await screen.findByRole('combobox', { name: 'Language' }, SLOW);
    await userEvent.setup().selectOptions(select, 'de');
    expect(await screen.findByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });
});
