// The monthly earnings chart: a small SVG bar chart written here instead of a chart
// library (nothing to download, a few kB). Commission grows up from the zero line,
// reversals and clawbacks down from it; the net of each month is written under its bars.
// Loaded lazily (MonthlyChart), so no other page carries it.
import { Group, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/format/useFormat';
import type { MonthlyEarnings } from '../api/types';

const WIDTH = 1000;
const HEIGHT = 260;
const PAD = { top: 16, right: 8, bottom: 44, left: 8 };
const COMMISSION = 'var(--mantine-color-teal-8)';
const REVERSED = 'var(--mantine-color-red-8)';

function monthDate(month: string): Date {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1));
}

export default function EarningsChart({ data }: { data: MonthlyEarnings }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const money = (cents: number) => format.money(cents, data.currency);
  const monthLabel = (month: string, withYear: boolean) =>
    new Intl.DateTimeFormat(format.locale, { month: 'short', ...(withYear ? { year: '2-digit' } : {}), timeZone: 'UTC' }).format(
      monthDate(month),
    );
  const longMonth = (month: string) =>
    new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(monthDate(month));

  const months = data.months;
  const up = Math.max(1, ...months.map((m) => m.commission_cents));
  const down = Math.max(0, ...months.map((m) => Math.abs(m.reversed_cents)));
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const scale = plotHeight / (up + down);
  const zeroY = PAD.top + up * scale;
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, months.length);
  const bar = Math.min(36, slot * 0.6);

  return (
    <figure style={{ margin: 0 }} data-testid="earnings-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={titleId} style={{ display: 'block' }}>
        <title id={titleId}>{t('earnings.chart.label')}</title>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={zeroY} y2={zeroY} stroke="var(--mantine-color-gray-5)" />
        {months.map((m, i) => {
          const x = PAD.left + slot * i + (slot - bar) / 2;
          const upHeight = m.commission_cents * scale;
          const downHeight = Math.abs(m.reversed_cents) * scale;
          const first = i === 0 || m.month.endsWith('-01');
          return (
            <g key={m.month} data-month={m.month}>
              <title>
                {t('earnings.chart.tooltip', {
                  month: longMonth(m.month),
                  commission: money(m.commission_cents),
                  reversed: money(Math.abs(m.reversed_cents)),
                  net: money(m.net_cents),
                })}
              </title>
              {upHeight > 0 && <rect x={x} y={zeroY - upHeight} width={bar} height={upHeight} rx={3} fill={COMMISSION} />}
              {downHeight > 0 && <rect x={x} y={zeroY} width={bar} height={downHeight} rx={3} fill={REVERSED} />}
              <text x={x + bar / 2} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" fontSize={14} fill="var(--mantine-color-gray-8)">
                {monthLabel(m.month, first)}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="lg" mt="xs" component="figcaption">
        <Group gap={6}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" fill={COMMISSION} />
          </svg>
          <Text size="sm">{t('earnings.chart.commission')}</Text>
        </Group>
        <Group gap={6}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" fill={REVERSED} />
          </svg>
          <Text size="sm">{t('earnings.chart.reversed')}</Text>
        </Group>
      </Group>
      <VisuallyHidden>
        <table>
          <caption>{t('earnings.chart.label')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('earnings.chart.month')}</th>
              <th scope="col">{t('earnings.chart.commission')}</th>
              <th scope="col">{t('earnings.chart.reversed')}</th>
              <th scope="col">{t('earnings.chart.net')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{longMonth(m.month)}</th>
                <td>{money(m.commission_cents)}</td>
                <td>{money(Math.abs(m.reversed_cents))}</td>
                <td>{money(m.net_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
