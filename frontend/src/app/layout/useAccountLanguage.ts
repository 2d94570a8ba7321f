import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from '@/features/auth';
import { currentLanguage } from '@/i18n';
import { useCurrentUser } from '@/lib/session/currentUser';

/**
 * Keeps the account's language (of its emails and server messages) equal to the language
 * the person reads the app in: when they differ — the language was switched, or this
 * browser shows another one — the account takes the UI's (`PATCH /me`).
 */
export function useAccountLanguage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { mutate } = useUpdateMe();
  const shown = i18n.resolvedLanguage ? currentLanguage() : null;

  useEffect(() => {
    // No locale (a stale or partial /me): nothing to compare, nothing to save.
    if (!shown || !me.locale || me.locale === shown) return;
    mutate(
      { locale: shown },
      {
        onError: () =>
          notifications.show({
            message: t('language.saveFailed'),
            color: 'red.9',
            closeButtonProps: { 'aria-label': t('app.close') },
          }),
      },
    );
    // Once per difference: a failed save is not retried on every render.
  }, [me.locale, shown, mutate, t]);
}
