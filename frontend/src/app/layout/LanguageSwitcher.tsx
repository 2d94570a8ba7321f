import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, SUPPORTED_LANGUAGES, type Language } from '@/i18n';

/** The UI's language. Signed in, the account follows it (`useAccountLanguage`). */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = (SUPPORTED_LANGUAGES as readonly string[]).includes(i18n.resolvedLanguage ?? '')
    ? (i18n.resolvedLanguage as Language)
    : 'en';
  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      w={{ base: 88, sm: 100 }}
      value={current}
      onChange={(event) => void changeLanguage(event.currentTarget.value as Language)}
      data={SUPPORTED_LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}
