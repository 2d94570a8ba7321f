import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '@/lib/countries';

/** A searchable select of every ISO country, named in the interface language. */
export function CountrySelect(props: Omit<SelectProps, 'data' | 'searchable'>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const data = useMemo(() => countryOptions(locale), [locale]);
  return <Select searchable data={data} nothingFoundMessage={t('programme.noMatches')} autoComplete="off" {...props} />;
}
