import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { json, mockApi, problem, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['admin'], freelancer: null };
const SLOW = { timeout: 10_000 };

const v1 = {
  version: 1,
  texts: {
    en: { title: 'Programme terms', body: 'The English text of the terms.' },
    de: { title: 'Programmbedingungen', body: 'Der deutsche Text der Bedingungen.' },
  },
  published_at: '2026-11-01T00:00:00Z',
  published_by: null,
  acceptances: 42,
  acceptances_by_locale: { en: 30, de: 12 },
  current: true,
};

const EN = { title: 'Terms 2027', body: 'These terms govern the programme from 2027 on.' };
const DE = { title: 'Bedingungen 2027', body: 'Diese Bedingungen gelten ab 2027 für das Programm.' };

async function fill(user: ReturnType<typeof userEvent.setup>, language: 'English' | 'German', text: { title: string; body: string }) {
  await user.click(screen.getByRole('tab', { name: new RegExp(`^${language}`) }));
  const panel = screen.getByRole('tabpanel', { name: new RegExp(`^${language}`) });
  await user.type(within(panel).getByLabelText(/^Title/), text.title);
  await user.type(within(panel).getByLabelText(/^Text of the terms/), text.body);
}

describe('TermsPage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('lists versions with acceptances by language and publishes both languages after confirming', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/terms': () => json({ data: [v1], next_cursor: null }),
      'POST /api/v1/admin/terms': (req) => json({ ...v1, version: 2, texts: req.body, acceptances: 0 }, 201),
    });
    renderRoutes('/admin/terms');
    const row = await screen.findByTestId('terms-row', {}, SLOW);
    expect(row).toHaveTextContent('42');
    expect(row).toHaveTextContent('English 30 · German 12');
    expect(row).toHaveTextContent('Programme terms');
    expect(within(row).getByText('Current')).toBeInTheDocument();

    const user = userEvent.setup();
    await fill(user, 'English', EN);
    await fill(user, 'German', DE);
    await user.click(screen.getByRole('button', { name: 'Publish new version' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish these terms?' });
    expect(dialog).toHaveTextContent('Every freelancer must accept it again');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ en: EN, de: DE }));
  });

  it('names the missing language and opens its tab instead of publishing', async () => {
    signIn();
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/terms': () => json({ data: [v1], next_cursor: null }),
    });
    renderRoutes('/admin/terms');
    await screen.findByTestId('terms-row', {}, SLOW);
    const user = userEvent.setup();
    await fill(user, 'English', EN);
    await user.click(screen.getByRole('button', { name: 'Publish new version' }));
    expect(await screen.findByTestId('missing-de')).toHaveTextContent('The German text is missing.');
    expect(screen.getByRole('tab', { name: 'German: needs attention' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('puts the server’s errors on the right language', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/terms': () => json({ data: [v1], next_cursor: null }),
      'POST /api/v1/admin/terms': () =>
        problem(422, 'validation_failed', { errors: [{ field: 'de.title', message: 'must not be blank' }] }),
    });
    renderRoutes('/admin/terms');
    await screen.findByTestId('terms-row', {}, SLOW);
    const user = userEvent.setup();
    await fill(user, 'English', EN);
    await fill(user, 'German', DE);
    await user.click(screen.getByRole('tab', { name: /^English/ }));
    await user.click(screen.getByRole('button', { name: 'Publish new version' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'German: needs attention' })).toHaveAttribute('aria-selected', 'true'));
    const panel = screen.getByRole('tabpanel', { name: /^German/ });
    expect(within(panel).getByLabelText(/^Title/)).toHaveAccessibleDescription('must not be blank');
  });

  it('speaks German, with the titles in German', async () => {
    await i18n.changeLanguage('de');
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/terms': () => json({ data: [v1, { ...v1, version: 0, current: false, texts: { en: v1.texts.en } }], next_cursor: null }),
    });
    renderRoutes('/admin/terms');
    const rows = await screen.findAllByTestId('terms-row', {}, SLOW);
    expect(rows[0]).toHaveTextContent('Programmbedingungen');
    expect(rows[0]).toHaveTextContent('Englisch 30 · Deutsch 12');
    expect(rows[1]).toHaveTextContent('Programme terms');
    expect(rows[1]).toHaveTextContent('Nur Englisch');
    expect(screen.getByRole('tab', { name: 'Deutsch' })).toHaveAttribute('aria-selected', 'true');
  });
});
