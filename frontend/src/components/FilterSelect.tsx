import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FilterSelectProps {
  label: string;
  value: string;
  options: readonly string[];
  /** Translates an option value. */
  optionLabel: (value: string) => string;
  onChange: (value: string) => void;
}

/** One select filter of a list, with "All" for unset. */
export function FilterSelect({ label, value, options, optionLabel, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[{ value: '', label: t('staff.list.all') }, ...options.map((o) => ({ value: o, label: optionLabel(o) }))]}
      miw={160}
    />
  );
}
