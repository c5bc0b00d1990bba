import { useState } from 'react';
import { Badge, Center, Group, Pagination, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_COLUMNS, IMPORT_OUTCOMES, type ImportKind, type ImportOutcome } from '@craftmatch/shared';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { REPORT_PAGE_SIZE, useImportRows } from '../api/imports';

const COLORS: Record<ImportOutcome, string> = { created: 'celadon', updated: 'cham', rejected: 'lacquer' };
type Filter = 'all' | ImportOutcome;

/**
 * The per-row report from GET /imports/:id/rows, a page at a time: row number, outcome, reason (in the
 * viewer's language), then the row as read; one outcome can be shown alone.
 */
export function ReportTable({ importId, kind }: { importId: string; kind: ImportKind }) {
  const { t, i18n } = useTranslation(['dataExchange', 'exchange']);
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const rows = useImportRows(importId, true, {
    page,
    outcome: filter === 'all' ? null : filter,
    language: currentLanguage(i18n.language),
  });
  const columns = IMPORT_COLUMNS[kind].map((c) => c.key);

  return (
    <>
      <Group justify="space-between" mb="xs">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(value) => {
            setFilter(value as Filter);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('report.all') },
            ...IMPORT_OUTCOMES.map((o) => ({ value: o, label: t(`exchange:outcomes.${o}`) })),
          ]}
          data-testid="report-filter"
        />
        {rows.data && (
          <Text fz="xs" c="dimmed" data-testid="report-count">
            {t('report.count', { count: rows.data.total })}
          </Text>
        )}
      </Group>
      {rows.isPending ? (
        <ListSkeleton rows={3} height={32} />
      ) : rows.isError ? (
        <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table
              striped
              verticalSpacing={4}
              fz="sm"
              data-testid="import-report"
              aria-busy={rows.isPlaceholderData}
              style={{ opacity: rows.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('exchange:columns.row')}</Table.Th>
                  <Table.Th>{t('exchange:columns.outcome')}</Table.Th>
                  <Table.Th>{t('exchange:columns.reason')}</Table.Th>
                  {columns.map((key) => (
                    <Table.Th key={key}>{t(`exchange:columns.${key}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.data.items.map((row) => (
                  <Table.Tr key={row.rowNumber} data-testid={`report-row-${row.rowNumber}`}>
                    <Table.Td className="tabular">{row.rowNumber}</Table.Td>
                    <Table.Td>
                      {row.outcome && (
                        <Badge size="sm" variant="light" color={COLORS[row.outcome]}>
                          {t(`exchange:outcomes.${row.outcome}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {row.reason && (
                        <Text fz="sm" c="lacquer.8">
                          {row.reason}
                        </Text>
                      )}
                    </Table.Td>
                    {columns.map((key) => (
                      <Table.Td key={key}>{row.data[key] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.data.total > REPORT_PAGE_SIZE && (
            <Center mt="sm" data-testid="report-pages">
              <Pagination
                size="sm"
                total={Math.ceil(rows.data.total / REPORT_PAGE_SIZE)}
                value={page}
                onChange={setPage}
              />
            </Center>
          )}
        </>
      )}
    </>
  );
}
