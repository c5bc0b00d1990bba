import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardDayRow } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';
import { formatCount, formatDay, formatUsd, formatUsdCompact } from './format';

interface Point {
  date: string;
  /** chart geometry only; labels come from the exact strings */
  confirmed: number;
  unconfirmed: number;
  row: DashboardDayRow;
}

/** Contract value by signing date: confirmed, and declared but not (yet) confirmed, stacked. */
export function ValueByDayChart({ days }: { days: DashboardDayRow[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const language = currentLanguage(i18n.language);
  if (days.length === 0)
    return (
      <Paper withBorder p="md" radius="md">
        <Text fw={700} mb="xs">
          {t('byDay.title')}
        </Text>
        <Text c="dimmed" fz="sm">
          {t('byDay.empty')}
        </Text>
      </Paper>
    );
  const data: Point[] = days.map((row) => ({
    date: row.date,
    confirmed: Number(row.confirmedUsd),
    unconfirmed: Math.max(0, Number(row.declaredUsd) - Number(row.confirmedUsd)),
    row,
  }));
  const manyYears = days[0].date.slice(0, 4) !== days[days.length - 1].date.slice(0, 4);
  const tick = (date: string) =>
    formatDay(
      date,
      language,
      manyYears ? { day: undefined, month: 'short', year: '2-digit' } : { year: undefined },
    );

  return (
    <Paper withBorder p="md" radius="md" data-testid="value-by-day">
      <Text fw={700} mb="sm">
        {t('byDay.title')}
      </Text>
      <div style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={tick} minTickGap={16} fontSize={12} />
            <YAxis tickFormatter={(v: number) => formatUsdCompact(v, language)} width={72} fontSize={12} />
            <Tooltip
              labelFormatter={(label) => formatDay(String(label), language)}
              formatter={(_value, name, item) => {
                const row = (item.payload as Point).row;
                return name === 'confirmed'
                  ? [formatUsd(row.confirmedUsd, language), t('byDay.confirmed')]
                  : [
                      `${formatUsd(row.declaredUsd, language)} · ${formatCount(row.contracts, language)}`,
                      t('byDay.declared'),
                    ];
              }}
            />
            <Legend
              formatter={(name) => (name === 'confirmed' ? t('byDay.confirmed') : t('byDay.unconfirmed'))}
            />
            <Bar
              dataKey="confirmed"
              stackId="usd"
              fill="var(--mantine-color-cham-6)"
              isAnimationActive={false}
            />
            <Bar
              dataKey="unconfirmed"
              stackId="usd"
              fill="var(--mantine-color-rattan-4)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}
