// One ledger entry as support sees it: amount, kind, status, when it became or becomes
// available, how a commission was computed, its cause and reason.
import { useTranslation } from 'react-i18next';
import { EarningCause } from '@/components/EarningCause';
import { EarningKindLabel } from '@/components/EarningKindLabel';
import { Facts, type Fact } from '@/components/Facts';
import { StateBadge } from '@/components/StateBadge';
import { useAvailableText } from '@/lib/earnings/cause';
import { useFormat } from '@/lib/format/useFormat';
import type { EarningEntry } from '@/lib/earnings/types';

export function EarningFacts({ entry }: { entry: EarningEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const availableText = useAvailableText();
  const when = (iso?: string | null) => (iso ? format.dateTime(iso) : '—');
  const facts: Fact[] = [
    { label: t('staffEarnings.table.amount'), value: format.money(entry.amount_cents, entry.currency) },
    { label: t('staffEarnings.table.kind'), value: <EarningKindLabel entry={entry} /> },
    { label: t('staffEarnings.table.status'), value: <StateBadge status={entry.status} /> },
    { label: t('staffEarnings.table.created'), value: when(entry.created_at) },
    {
      label: t('staffEarnings.table.availableAt'),
      value: availableText(entry, true),
    },
    { label: entry.status === 'reversed' ? t('staffEarnings.detail.reversedAt') : t('staffEarnings.detail.clearedAt'), value: when(entry.status === 'reversed' ? entry.reversed_at : entry.cleared_at) },
  ];
  if (entry.rate_bps != null && entry.base_cents != null) {
    facts.push({
      label: t('staffEarnings.detail.computation'),
      value: t('staffEarnings.detail.rateOf', { rate: format.bps(entry.rate_bps), base: format.money(entry.base_cents, entry.currency) }),
    });
  }
  facts.push({ label: t('staffEarnings.table.cause'), value: <EarningCause entry={entry} />, wide: true });
  if (entry.reason) {
    facts.push({ label: t('staffEarnings.detail.reason'), value: <span style={{ whiteSpace: 'pre-wrap', fontWeight: 400 }}>{entry.reason}</span>, wide: true });
  }
  facts.push({ label: t('staffEarnings.detail.reference'), value: entry.id });
  return <Facts facts={facts} />;
}
