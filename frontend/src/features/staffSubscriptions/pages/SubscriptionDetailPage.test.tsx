import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { json, mockApi, renderRoutes, signIn } from '@/test/utils';
import { EVENT_KINDS } from '../lib/events';
import { customer, event, staffMe, subscription } from '../test/fixtures';

const SLOW = { timeout: 10_000 };

function open(detail: unknown) {
  signIn();
  mockApi({
    'GET /api/v1/me': () => json(staffMe),
    'GET /api/v1/admin/subscriptions/sub_1': () => json(detail),
  });
  renderRoutes('/admin/subscriptions/sub_1');
}

describe('SubscriptionDetailPage', () => {
  // Unmounted first, so switching back is no update to a page still on screen.
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('en');
  });

  it('shows the subscription, its customer, its referrer and its history in words', async () => {
    open({
      subscription: subscription({ scheduled_seats: 5 }),
      customer,
      events: [
        // Out of order on purpose: the history reads oldest first.
        event('activated', { status_before: 'pending', status_after: 'active', created_at: '2026-12-02T10:00:00Z' }),
        event('created', { amount_cents: 75000, invoice_id: 'inv_1' }),
        event('seats_increased', { status_before: 'active', status_after: 'active', seats: 8, amount_cents: 44_877, invoice_id: 'inv_2', created_at: '2026-12-03T10:00:00Z' }),
      ],
    });
    await screen.findByRole('heading', { name: 'Microsoft 365 Business Standard for Kim Customer', level: 1 }, SLOW);
    expect(screen.getByText('8, 5 from the next renewal')).toBeInTheDocument();
    expect(screen.getByText('$150.00')).toBeInTheDocument();
    expect(screen.getByText('$156.00')).toBeInTheDocument();
    expect(screen.getByText('$1,248.00')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Frida Freelancer' })).toHaveAttribute('href', '/admin/freelancers/fl_7');
    expect(screen.queryByTestId('self-referral-alert')).not.toBeInTheDocument();

    const [created, activated, seats] = screen.getAllByTestId('subscription-event');
    expect(created).toHaveTextContent('Bought');
    expect(created).toHaveTextContent('$750.00');
    expect(created).toHaveTextContent('inv_1');
    expect(activated).toHaveTextContent('Activated');
    expect(activated).toHaveTextContent('Pending');
    expect(activated).toHaveTextContent('became');
    expect(activated).toHaveTextContent('Active');
    expect(seats).toHaveTextContent('Seats added');
    expect(seats).toHaveTextContent('$448.77');
  });

  it('flags a self-referral and says when there is no referrer', async () => {
    open({ subscription: subscription({ self_referral: true, freelancer: null }), customer, events: [] });
    await screen.findByRole('heading', { level: 1, name: /for Kim Customer/ }, SLOW);
    expect(screen.getByTestId('self-referral-alert')).toHaveTextContent('no commission is earned');
    expect(screen.getByText('No referrer')).toBeInTheDocument();
    expect(screen.getByText('No events recorded.')).toBeInTheDocument();
  });

  it('shows every kind of event in German', async () => {
    await i18n.changeLanguage('de');
    const day = (i: number) => `2026-12-${String(i + 1).padStart(2, '0')}T10:00:00Z`;
    open({ subscription: subscription(), customer, events: EVENT_KINDS.map((kind, i) => event(kind, { created_at: day(i) })) });
    await screen.findByRole('heading', { level: 1, name: /für Kim Customer/ }, SLOW);
    const history = screen.getAllByTestId('subscription-event').map((row) => within(row).getAllByRole('cell')[1]?.textContent);
    expect(history).toEqual([
      'Gekauft',
      'Aktiviert',
      'Lizenzen hinzugefügt',
      'Lizenzreduzierung zur Verlängerung geplant',
      'Lizenzen zur Verlängerung reduziert',
      'Gekündigt',
      'Automatische Verlängerung ausgeschaltet',
      'Verlängert',
      'Zahlung der Verlängerung fehlgeschlagen',
      'Gesperrt',
      'Reaktiviert',
      'Zum Laufzeitende abgelaufen',
    ]);
  });
});
