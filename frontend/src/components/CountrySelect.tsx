import { Select, type ComboboxItem, type OptionsFilter, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions, searchCountries } from '@/lib/countries';

// Finds a country by its code, its English or German name or a common alias ("USA", "UK").
const filter: OptionsFilter = ({ options, search }) => searchCountries(options as ComboboxItem[], search);

/** A searchable select of every ISO country, named in the interface language. */
export function CountrySelect(props: Omit<SelectProps, 'data' | 'searchable'>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const data = useMemo(() => countryOptions(locale), [locale]);
  return <Select searchable data={data} filter={filter} nothingFoundMessage={t('programme.noMatches')} autoComplete="off" {...props} />;
}
