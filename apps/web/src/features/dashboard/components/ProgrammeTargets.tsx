import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_TARGETS, type DashboardResponse, type ProgrammeTarget } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';
import { formatCount, formatUsd } from './format';

/** What the platform measured for a brief figure, when the view is the brief's 2016–2020 fairs. */
function measuredFor(
  key: ProgrammeTarget['key'],
  data: DashboardResponse,
): { value: string; unit: 'usd' | 'count' } | null {
  const { scope } = data;
  if (scope.kind !== 'years' || scope.from !== 2016 || scope.to !== 2020) return null;
  switch (key) {
    case 'contracts2016to2020':
      return { value: data.contracts.confirmedUsd, unit: 'usd' };
    case 'exhibitors2016to2020':
      return { value: String(data.exhibitors.participations), unit: 'count' };
    case 'importers2016to2020':
      return { value: String(data.buyers.participations), unit: 'count' };
    case 'countries2016to2020':
      return { value: String(data.buyers.countries), unit: 'count' };
    default:
      return null;
  }
}

/**
 * The programme's targets from the client's brief, shown as the client's figures, not as measured ones; for the
 * brief's 2016–2020 fairs the figure measured from the records stands beside each.
 */
export function ProgrammeTargets({ data }: { data: DashboardResponse }) {
  const { t, i18n } = useTranslation('dashboard');
  const language = currentLanguage(i18n.language);
  const value = (target: { value: string; unit: 'usd' | 'count' }) =>
    target.unit === 'usd' ? formatUsd(target.value, language) : formatCount(target.value, language);

  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-body)" data-testid="programme-targets">
      <Group justify="space-between" mb="sm" gap="xs">
        <Text fw={700}>{t('programme.title')}</Text>
        <Badge variant="outline" color="rattan">
          {t('programme.badge')}
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed" mb="md">
        {t('programme.note')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {PROGRAMME_TARGETS.map((target) => {
          const measured = measuredFor(target.key, data);
          return (
            <Stack key={target.key} gap={2} data-testid={`programme-${target.key}`}>
              <Text fz={22} fw={700} className="tabular" c="rattan.8">
                {value(target)}
              </Text>
              <Text fz="sm">{t(target.labelKey)}</Text>
              {measured && (
                <Text fz="sm" c="cham.7" className="tabular" data-testid={`measured-${target.key}`}>
                  {t('programme.measured', { value: value(measured) })}
                </Text>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
