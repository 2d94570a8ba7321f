import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { json, mockApi, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['admin'], freelancer: null };
const SLOW = { timeout: 10_000 };

const entry = {
  id: 'aud_1',
  action: 'freelancer.tier_changed',
  actor_id: 'usr_staff',
  actor: { email: 'staff@example.com', name: 'Partner Hub staff' },
  subject_type: 'freelancer',
  subject_id: 'fl_1',
  subject_person: { email: 'ada@example.com', name: 'Ada Lovelace' },
  before: { tier: 'standard' },
  after: { tier: 'pro' },
  ip: null,
  created_at: '2026-11-27T10:00:00Z',
};

describe('AuditLogPage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('applies the filters through the URL and opens an entry’s before and after', async () => {
    signIn();
    const { fetchMock } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/audit-log': () => json({ data: [entry], next_cursor: null }),
    });
    const { router } = renderRoutes('/admin/audit-log?subject_type=freelancer');
    const item = await screen.findByTestId('audit-entry', {}, SLOW);
    expect(screen.getByLabelText('Subject type')).toHaveValue('freelancer');
    expect(within(item).getByRole('link', { name: 'fl_1' })).toHaveAttribute('href', '/admin/freelancers/fl_1');
    // Words, not keys or bare ids.
    expect(item).toHaveTextContent('Tier changed');
    expect(item).not.toHaveTextContent('freelancer.tier_changed');
    expect(item).toHaveTextContent('Subject: Freelancer Ada Lovelace (ada@example.com)');
    expect(item).toHaveTextContent('By: Partner Hub team (staff@example.com)');
    expect(item).not.toHaveTextContent('usr_staff');

    const user = userEvent.setup();
    const toggle = within(item).getByRole('button', { name: 'Show changes' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(within(item).getByRole('button', { name: 'Hide changes' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(item).getByRole('region', { name: 'Before' })).toHaveTextContent('"tier": "standard"');
    expect(within(item).getByRole('region', { name: 'After' })).toHaveTextContent('"tier": "pro"');

    await user.selectOptions(screen.getByLabelText('Action'), 'Tier changed');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?subject_type=freelancer&action=freelancer.tier_changed'),
    );
    await waitFor(() => {
      const urls = fetchMock.mock.calls.map(([input]) => new URL((input as Request).url));
      const last = urls.filter((u) => u.pathname === '/api/v1/admin/audit-log').at(-1);
      expect(last?.searchParams.get('action')).toBe('freelancer.tier_changed');
      expect(last?.searchParams.get('subject_type')).toBe('freelancer');
    });
  });

  it('speaks German: actions, subjects and the system as the actor', async () => {
    await i18n.changeLanguage('de');
    signIn();
    const system = { ...entry, id: 'aud_2', action: 'tax_form.saved', actor_id: null, actor: null, subject_type: 'tax_form' };
    mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/audit-log': () => json({ data: [system], next_cursor: null }),
    });
    renderRoutes('/admin/audit-log');
    const item = await screen.findByTestId('audit-entry', {}, SLOW);
    expect(item).toHaveTextContent('W-9 gespeichert');
    expect(item).toHaveTextContent('Objekt: W-9 Ada Lovelace (ada@example.com)');
    expect(item).toHaveTextContent('Von: dem System');
    expect(within(screen.getByLabelText('Aktion')).getByRole('option', { name: 'Bedingungen akzeptiert' })).toHaveValue('terms.accepted');
  });
});
