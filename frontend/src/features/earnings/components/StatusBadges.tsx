import { StatusBadge } from '@/components/StatusBadge';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { EarningEntry, WithdrawalStatus } from '../api/types';
import { ENTRY_TONES, WITHDRAWAL_TONES } from '../lib/status';

/** An entry's status; a reversal of available money says "Clawed back". */
export function EntryStatusBadge({ entry }: { entry: Pick<EarningEntry, 'status' | 'clawback'> }) {
  const dt = useDynamicT();
  const label = entry.clawback ? dt('earnings.clawback', 'Clawed back') : dt(`earnings.status.${entry.status}`, humanize(entry.status));
  return <StatusBadge tone={entry.clawback ? 'danger' : (ENTRY_TONES[entry.status] ?? 'neutral')} label={label} testId="entry-status" />;
}

export function WithdrawalStatusBadge({ status }: { status: WithdrawalStatus }) {
  const dt = useDynamicT();
  return (
    <StatusBadge
      tone={WITHDRAWAL_TONES[status] ?? 'neutral'}
      label={dt(`earnings.withdrawals.status.${status}`, humanize(status))}
      testId="withdrawal-status"
    />
  );
}
