import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatCardProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
}

/** One figure of a dashboard (an amount, a count) with its label and a short explanation. */
export function StatCard({ label, value, hint, testId }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4} component="div" data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4} component="div">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
