import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardFairRow } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';
import { formatCount, formatDay, formatUsd } from './format';

const STATUS_COLORS: Record<DashboardFairRow['status'], string> = {
  draft: 'gray',
  registration: 'rattan',
  live: 'lacquer',
  closed: 'cham',
};

/** One row per fair in scope, oldest first. */
export function FairsTable({ fairs }: { fairs: DashboardFairRow[] }) {
  const { t, i18n } = useTranslation(['dashboard', 'fairs']);
  const language = currentLanguage(i18n.language);
  return (
    <Paper withBorder radius="md" data-testid="fairs-table">
      <Text fw={700} p="md" pb={0}>
        {t('fairsTable.title')}
      </Text>
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fairsTable.fair')}</Table.Th>
              <Table.Th ta="right">{t('fairsTable.exhibitors')}</Table.Th>
              <Table.Th ta="right">{t('fairsTable.buyers')}</Table.Th>
              <Table.Th ta="right">{t('fairsTable.countries')}</Table.Th>
              <Table.Th ta="right">{t('fairsTable.contracts')}</Table.Th>
              <Table.Th ta="right">{t('fairsTable.declared')}</Table.Th>
              <Table.Th ta="right">{t('fairsTable.confirmed')}</Table.Th>
              <Table.Th ta="right">{t('fairsTable.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fairs.map((fair) => (
              <Table.Tr key={fair.fairId}>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {language === 'vi' ? fair.nameVi : fair.nameEn}
                  </Text>
                  <Group gap={6} wrap="nowrap">
                    <Text fz="xs" c="dimmed" className="tabular">
                      {fair.firstDay ? formatDay(fair.firstDay, language) : '—'}
                    </Text>
                    <Badge size="xs" variant="light" color={STATUS_COLORS[fair.status]}>
                      {t(`fairs:status.${fair.status}`)}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatCount(fair.exhibitors, language)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatCount(fair.buyers, language)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatCount(fair.countries, language)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatCount(fair.contracts, language)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatUsd(fair.declaredUsd, language)}
                </Table.Td>
                <Table.Td ta="right" className="tabular" fw={600}>
                  {formatUsd(fair.confirmedUsd, language)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {fair.targetUsd ? formatUsd(fair.targetUsd, language) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
