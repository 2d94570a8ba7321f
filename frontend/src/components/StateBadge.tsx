import { Badge } from '@mantine/core';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { NO_SQUEEZE } from '@/components/badges';

// Filled badges in shades that keep white text above 4.5:1 (green.9 and orange.9 do
// not: teal.9 stands for success); yellow gets dark text through autoContrast.
const COLORS: Record<string, string> = {
  sent: 'blue.8',
  submitted: 'blue.8',
  open: 'blue.8',
  in_review: 'violet.8',
  answered: 'violet.8',
  appealed: 'yellow.5',
  accepted: 'teal.9',
  approved: 'teal.9',
  upheld: 'teal.9',
  rejected: 'red.9',
  denied: 'red.9',
  revoked: 'gray.7',
  expired: 'gray.7',
  closed: 'gray.7',
  registered: 'gray.7',
  pending: 'blue.8',
  active: 'teal.9',
  suspended: 'yellow.5',
  cancelled: 'gray.7',
  available: 'teal.9',
  reversed: 'red.9',
  requested: 'blue.8',
  paid: 'teal.9',
  failed: 'red.9',
};

/** A status from the API, translated (`staff.status.*`) and coloured by meaning. */
export function StateBadge({ status }: { status: string }) {
  const dt = useDynamicT();
  return (
    <Badge color={COLORS[status] ?? 'gray.7'} variant="filled" tt="none" autoContrast styles={NO_SQUEEZE}>
      {dt(`staff.status.${status}`, humanize(status))}
    </Badge>
  );
}
