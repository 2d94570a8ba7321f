import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format/useFormat';
import type { EarningEntry } from '../api/types';

/** When an entry becomes (or became) available, in words. */
export function useAvailableText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (entry: EarningEntry): string => {
    if (entry.status === 'reversed') return '—';
    if (entry.status === 'available') return entry.cleared_at ? format.date(entry.cleared_at) : t('earnings.entries.availableNow');
    return entry.available_at ? format.date(entry.available_at) : t('earnings.entries.afterActivation');
  };
}
