import { Badge } from '@mantine/core';
import { NO_SQUEEZE } from '@/components/badges';

export type StatusTone = 'info' | 'success' | 'danger' | 'warning' | 'neutral';

// Filled badges in dark shades (yellow with auto contrast) keep small text above 4.5:1.
const COLORS: Record<StatusTone, string> = {
  info: 'blue.8',
  success: 'teal.9',
  danger: 'red.9',
  warning: 'yellow.4',
  neutral: 'gray.7',
};

/** A status as a coloured label; the text says it all, the colour only repeats it. */
export function StatusBadge({ tone, label, testId }: { tone: StatusTone; label: string; testId?: string }) {
  return (
    <Badge color={COLORS[tone]} variant="filled" autoContrast data-testid={testId} style={{ flexShrink: 0 }} styles={NO_SQUEEZE}>
      {label}
    </Badge>
  );
}
