import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from '@/features/auth';
import { changeLanguage, SUPPORTED_LANGUAGES, type Language } from '@/i18n';
import { useIsAuthenticated } from '@/lib/api/tokens';

/**
 * The UI's language. Signed in, the choice is also the account's language (`PATCH /me`),
 * so emails and server messages follow what the person reads on screen.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const authenticated = useIsAuthenticated();
  const updateMe = useUpdateMe();
  const current = (SUPPORTED_LANGUAGES as readonly string[]).includes(i18n.resolvedLanguage ?? '')
    ? (i18n.resolvedLanguage as Language)
    : 'en';

  async function choose(language: Language) {
    await changeLanguage(language);
    if (!authenticated) return;
    updateMe.mutate(
      { locale: language },
      {
        onError: () =>
          notifications.show({
            message: t('language.saveFailed'),
            color: 'red.9',
            closeButtonProps: { 'aria-label': t('app.close') },
          }),
      },
    );
  }

  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      w={{ base: 88, sm: 100 }}
      value={current}
      onChange={(event) => void choose(event.currentTarget.value as Language)}
      data={SUPPORTED_LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}
