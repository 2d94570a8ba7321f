import { StatusBadge, type StatusTone } from '@/components/StatusBadge';
import { humanize, useDynamicT } from '@/i18n/dynamic';

const TONES: Record<string, StatusTone> = { open: 'info', answered: 'success', closed: 'neutral' };

export function TicketStatusBadge({ status }: { status: string }) {
  const dt = useDynamicT();
  return (
    <StatusBadge tone={TONES[status] ?? 'neutral'} label={dt(`support.status.${status}`, humanize(status))} testId="ticket-status" />
  );
}
