import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderRoutes, sampleMe, signIn } from '@/test/utils';

const staffMe = { ...sampleMe, roles: ['support'], freelancer: null };

function application(overrides: Record<string, unknown> = {}) {
  return {
    id: 'app_1',
    freelancer_id: 'fl_1',
    status: 'submitted',
    m365_experience: 'advanced',
    us_clients_served: 12,
    certifications: ['MS-102'],
    country: 'US',
    motivation: 'I run IT for a dozen small US businesses.',
    links: ['https://example.com/ada'],
    invited: true,
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    applicant: { user_id: 'usr_2', email: 'ada@example.com', full_name: 'Ada Applicant' },
    decision: null,
    ...overrides,
  };
}

// The first render loads the lazy layout and page chunks, slow on a busy 2-core machine.
const SLOW = { timeout: 10_000 };

/** The query strings of every call to `path`, in order. */
function queriesTo(fetchMock: { mock: { calls: unknown[][] } }, path: string): URLSearchParams[] {
  return fetchMock.mock.calls
    .map(([input]) => new URL(input instanceof Request ? input.url : String(input)))
    .filter((url) => url.pathname === path)
    .map((url) => url.searchParams);
}

describe('ApplicationsPage', () => {
  it('sends the filters from the URL to the API', async () => {
    signIn();
    const { fetchMock } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications': () => json({ data: [application()], next_cursor: null }),
    });
    renderRoutes('/admin/applications?status=submitted&invited=true&q=ada&submitted_after=2026-11-01&submitted_before=2026-11-30');
    expect(await screen.findByRole('link', { name: 'Ada Applicant' }, SLOW)).toHaveAttribute('href', '/admin/applications/app_1');
    const [query] = queriesTo(fetchMock, '/api/v1/admin/applications');
    expect(query?.get('status')).toBe('submitted');
    expect(query?.get('invited')).toBe('true');
    expect(query?.get('q')).toBe('ada');
    expect(query?.get('submitted_after')).toBe(new Date(2026, 10, 1).toISOString());
    // "until 30 November" includes that day: the API's bound is exclusive.
    expect(query?.get('submitted_before')).toBe(new Date(2026, 11, 1).toISOString());
    // The controls show what the URL says.
    expect(screen.getByLabelText('Status')).toHaveValue('submitted');
    expect(screen.getByLabelText('Came through an invitation')).toHaveValue('true');
    expect(screen.getByLabelText('Search name or email')).toHaveValue('ada');
    expect(screen.getByLabelText('Submitted from')).toHaveValue('2026-11-01');
  });

  it('writes changed filters into the URL and asks the API again', async () => {
    signIn();
    const { fetchMock } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications': () => json({ data: [application()], next_cursor: null }),
    });
    const { router } = renderRoutes('/admin/applications');
    await screen.findByRole('link', { name: 'Ada Applicant' }, SLOW);
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText('Status'), 'rejected');
    await waitFor(() => expect(router.state.location.search).toBe('?status=rejected'));
    await user.type(screen.getByLabelText('Search name or email'), 'lovelace');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=rejected&q=lovelace'));

    await waitFor(() => expect(queriesTo(fetchMock, '/api/v1/admin/applications').at(-1)?.get('q')).toBe('lovelace'));
    const last = queriesTo(fetchMock, '/api/v1/admin/applications').at(-1);
    expect(last?.get('status')).toBe('rejected');
    expect(last?.has('invited')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('ignores a filter value the API would refuse', async () => {
    signIn();
    const { fetchMock } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications': () => json({ data: [], next_cursor: null }),
    });
    renderRoutes('/admin/applications?status=pending&submitted_after=2026-02-31');
    expect(await screen.findByText('No applications yet', {}, SLOW)).toBeInTheDocument();
    const [query] = queriesTo(fetchMock, '/api/v1/admin/applications');
    expect(query?.has('status')).toBe(false);
    expect(query?.has('submitted_after')).toBe(false);
  });

  it('says when filters match nothing and offers to clear them', async () => {
    signIn();
    mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications': () => json({ data: [], next_cursor: null }),
    });
    renderRoutes('/admin/applications?status=approved');
    const empty = await screen.findByTestId('empty-state', {}, SLOW);
    expect(within(empty).getByText('Nothing matches these filters')).toBeInTheDocument();
    expect(within(empty).getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
  });

  it('loads the next page with the cursor', async () => {
    signIn();
    const { fetchMock } = mockApi({
      'GET /api/v1/me': () => json(staffMe),
      'GET /api/v1/admin/applications': (req) => {
        void req;
        const calls = queriesTo(fetchMock, '/api/v1/admin/applications');
        return calls.at(-1)?.get('cursor') === 'c2'
          ? json({ data: [application({ id: 'app_2', applicant: { user_id: 'u3', email: 'b@example.com', full_name: 'Bea Second' } })], next_cursor: null })
          : json({ data: [application()], next_cursor: 'c2' });
      },
    });
    renderRoutes('/admin/applications');
    await screen.findByRole('link', { name: 'Ada Applicant' }, SLOW);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Bea Second' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ada Applicant' })).toBeInTheDocument();
    expect(screen.getByText('That is everything.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry when the queue cannot load', async () => {
    signIn();
    mockApi({ 'GET /api/v1/me': () => json(staffMe) });
    renderRoutes('/admin/applications');
    expect(await screen.findByTestId('error-state', {}, SLOW)).toHaveTextContent('This could not be found.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
