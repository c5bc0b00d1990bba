import { Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { compareDecimals, type DashboardTopRow } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';
import { formatCount, formatUsd } from './format';

interface Props {
  title: string;
  rows: DashboardTopRow[];
  name: (code: string) => string;
  testId: string;
}

/** The top entries by confirmed value (then declared), with a bar relative to the first. */
export function TopList({ title, rows, name, testId }: Props) {
  const { t, i18n } = useTranslation('dashboard');
  const language = currentLanguage(i18n.language);
  const max = rows.reduce((m, r) => (compareDecimals(r.declaredUsd, m) > 0 ? r.declaredUsd : m), '0');
  // bar widths only: a display ratio, never stored or summed
  const share = (value: string) => (max === '0' ? 0 : (Number(value) / Number(max)) * 100);

  return (
    <Paper withBorder p="md" radius="md" h="100%" data-testid={testId}>
      <Text fw={700} mb="sm">
        {title}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('top.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{t('top.contracts')}</Table.Th>
              <Table.Th ta="right">{t('top.confirmed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.code ?? '—'}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text fz="sm">{row.code ? name(row.code) : t('top.unknown')}</Text>
                    <Progress.Root size={6} aria-hidden>
                      <Progress.Section value={share(row.confirmedUsd)} color="cham" />
                      <Progress.Section
                        value={Math.max(0, share(row.declaredUsd) - share(row.confirmedUsd))}
                        color="rattan.3"
                      />
                    </Progress.Root>
                  </Stack>
                </Table.Td>
                <Table.Td ta="right" className="tabular" fz="sm">
                  {formatCount(row.contracts, language)}
                </Table.Td>
                <Table.Td ta="right" className="tabular" fz="sm">
                  <Text fz="sm" fw={600} className="tabular">
                    {formatUsd(row.confirmedUsd, language)}
                  </Text>
                  <Text fz="xs" c="dimmed" className="tabular">
                    {t('top.declared', { value: formatUsd(row.declaredUsd, language) })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
