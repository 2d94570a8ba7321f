import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { PasswordField } from './PasswordField';

afterEach(() => i18n.changeLanguage('en'));

describe('PasswordField', () => {
  it('lets Tab reach the show/hide button, labelled in the reader’s language', async () => {
    await i18n.changeLanguage('de');
    render(
      <MantineProvider env="test">
        <PasswordField label="Passwort" />
      </MantineProvider>,
    );
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByLabelText('Passwort')).toHaveFocus();
    await user.tab();
    const toggle = screen.getByRole('button', { name: 'Passwort anzeigen' });
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Passwort verbergen' })).toBeInTheDocument();
    expect(screen.getByLabelText('Passwort')).toHaveAttribute('type', 'text');
  });
});
