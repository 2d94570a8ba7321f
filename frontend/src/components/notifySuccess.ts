// A done action said in a toast, in the success colour with a translated close button.
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useNotifySuccess() {
  const { t } = useTranslation();
  return useCallback(
    (message: string) => notifications.show({ message, color: 'green.9', closeButtonProps: { 'aria-label': t('app.close') } }),
    [t],
  );
}
