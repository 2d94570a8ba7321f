// A password input whose show/hide button can be reached with Tab (Mantine takes it out of
// the tab order by default) and says in the reader's language what it will do.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <PasswordInput
      visible={visible}
      onVisibilityChange={setVisible}
      visibilityToggleButtonProps={{ tabIndex: 0, 'aria-label': visible ? t('auth.hidePassword') : t('auth.showPassword') }}
      {...props}
    />
  );
}
