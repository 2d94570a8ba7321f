import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isValidSeats, MAX_SEATS, MIN_SEATS } from '../lib/pricing';

interface SeatsInputProps {
  /** '' while the field is empty (NumberInput's way of saying so). */
  value: number | string;
  onChange: (value: number | string) => void;
  label?: string;
}

/** The number of users, 1 to 50, with the rule said next to the field. */
export function SeatsInput({ value, onChange, label }: SeatsInputProps) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={label ?? t('storefront.seats.label')}
      description={t('storefront.seats.hint', { min: MIN_SEATS, max: MAX_SEATS })}
      value={value}
      onChange={onChange}
      min={MIN_SEATS}
      max={MAX_SEATS}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="blur"
      error={value !== '' && !isValidSeats(value) ? t('storefront.seats.invalid', { min: MIN_SEATS, max: MAX_SEATS }) : undefined}
      w={{ base: '100%', xs: 240 }}
      required
    />
  );
}
