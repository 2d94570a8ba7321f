import { StatusBadge, type StatusTone } from '@/components/StatusBadge';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { InvoiceStatus } from '../api/types';

const TONES: Record<InvoiceStatus, StatusTone> = { paid: 'success', credited: 'neutral', issued: 'info' };

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const dt = useDynamicT();
  return <StatusBadge tone={TONES[status] ?? 'neutral'} label={dt(`billing.status.${status}`, humanize(status))} testId="invoice-status" />;
}
