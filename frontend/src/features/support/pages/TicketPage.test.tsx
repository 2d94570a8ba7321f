import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderRoutes, signIn } from '@/test/utils';

const SLOW = { timeout: 10_000 };
const me = { id: 'usr_1', email: 'ada@example.com', full_name: 'Ada Lovelace', roles: ['customer'], freelancer: null };

const ticket = (status: string, messages: { body: string; from_staff: boolean }[]) => ({
  id: 'tkt_1',
  subject: 'Invoice missing',
  category: 'payments',
  status,
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-21T10:00:00Z',
  requester: { user_id: 'usr_1', email: 'ada@example.com', full_name: 'Ada Lovelace' },
  message_count: messages.length,
  messages: messages.map((m, i) => ({
    id: `msg_${i}`,
    author_name: m.from_staff ? 'Sam Support' : 'Ada Lovelace',
    created_at: `2026-11-2${i}T10:00:00Z`,
    ...m,
  })),
});

describe('TicketPage', () => {
  it('shows the conversation oldest first with support’s messages marked, and sends a reply', async () => {
    signIn();
    const first = ticket('answered', [
      { body: 'Where is my invoice?', from_staff: false },
      { body: 'Under Billing and payments.', from_staff: true },
    ]);
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/support-tickets/tkt_1': () => json(first),
      'POST /api/v1/support-tickets/tkt_1/messages': () =>
        json(ticket('open', [...first.messages, { body: 'Found it, thanks!', from_staff: false }]), 201),
    });
    renderRoutes('/app/support/tkt_1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Invoice missing' }, SLOW)).toBeInTheDocument();
    const messages = screen.getAllByTestId('ticket-message');
    expect(messages.map((m) => m.getAttribute('data-from-staff'))).toEqual(['false', 'true']);
    expect(within(messages[1] as HTMLElement).getByText('Support')).toBeInTheDocument();
    expect(screen.getByTestId('ticket-status')).toHaveTextContent('Answered');

    const user = userEvent.setup();
    await user.click(screen.getByRole('textbox', { name: /Your reply/ }));
    await user.paste('Found it, thanks!');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('Found it, thanks!', { selector: 'p' })).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Found it, thanks!' });
    expect(screen.getByTestId('ticket-status')).toHaveTextContent('Waiting for support');
  });

  it('has no reply box on a closed ticket', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(me),
      'GET /api/v1/support-tickets/tkt_1': () => json(ticket('closed', [{ body: 'Hello', from_staff: false }])),
    });
    renderRoutes('/app/support/tkt_1');
    expect(await screen.findByTestId('ticket-closed', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Your reply/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close ticket' })).not.toBeInTheDocument();
  });

  it('says when a ticket is not found (or not yours)', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(me), 'GET /api/v1/support-tickets/tkt_9': () => problem(404, 'not_found') });
    renderRoutes('/app/support/tkt_9');
    expect(await screen.findByText('Ticket not found', {}, SLOW)).toBeInTheDocument();
  });
});
