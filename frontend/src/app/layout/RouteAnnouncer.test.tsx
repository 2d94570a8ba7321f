import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderRoutes } from '@/test/utils';

const SLOW = { timeout: 10_000 };

describe('after a route change', () => {
  it('moves focus to the new page heading and announces it; the first page is left alone', async () => {
    mockApi({});
    const { router } = renderRoutes('/login');
    const loginHeading = await screen.findByRole('heading', { level: 1, name: 'Log in to Partner Hub' }, SLOW);
    expect(loginHeading).not.toHaveFocus();
    expect(screen.getByTestId('route-announcer')).toHaveTextContent('');

    await userEvent.setup().click(within(screen.getByRole('main')).getByRole('link', { name: 'Register' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/register'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Create your Partner Hub account' }, SLOW);
    await waitFor(() => expect(heading).toHaveFocus(), SLOW);
    expect(screen.getByTestId('route-announcer')).toHaveTextContent('Create your Partner Hub account');
    expect(screen.getByTestId('route-announcer')).toHaveAttribute('aria-live', 'polite');
  });
});
