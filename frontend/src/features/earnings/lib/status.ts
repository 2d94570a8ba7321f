import type { StatusTone } from '@/components/StatusBadge';
import type { EarningStatus, WithdrawalStatus } from '../api/types';

export const ENTRY_TONES: Record<EarningStatus, StatusTone> = {
  pending: 'info',
  available: 'success',
  reversed: 'neutral',
};

export const WITHDRAWAL_TONES: Record<WithdrawalStatus, StatusTone> = {
  requested: 'info',
  paid: 'success',
  failed: 'danger',
};
