import { useMemo, useState } from 'react';
import { Badge, Center, Group, Pagination, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_OUTCOMES, type ImportOutcome } from '@craftmatch/shared';
import type { ImportReport } from '../api/imports';

const PAGE_SIZE = 50;
const COLORS: Record<ImportOutcome, string> = { created: 'celadon', updated: 'cham', rejected: 'lacquer' };

/** The per-row report: row number, outcome, reason, then the row as read; rejected rows can be shown alone. */
export function ReportTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation(['dataExchange', 'exchange']);
  const [filter, setFilter] = useState<'all' | 'rejected'>('all');
  const [page, setPage] = useState(1);
  // The report's outcome column is in the organizer's language: map it back to the outcome for its colour.
  const outcomeOf = useMemo(() => {
    const byLabel = new Map(IMPORT_OUTCOMES.map((o) => [t(`exchange:outcomes.${o}`), o]));
    return (label: string) => byLabel.get(label) ?? null;
  }, [t]);
  const rows = filter === 'all' ? report.rows : report.rows.filter((r) => outcomeOf(r[1]) === 'rejected');
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <Group justify="space-between" mb="xs">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(value) => {
            setFilter(value as 'all' | 'rejected');
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('report.all') },
            { value: 'rejected', label: t('report.rejectedOnly') },
          ]}
        />
        <Text fz="xs" c="dimmed">
          {t('report.count', { count: rows.length })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing={4} fz="sm" data-testid="import-report">
          <Table.Thead>
            <Table.Tr>
              {report.header.map((cell, i) => (
                <Table.Th key={i}>{cell}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => {
              const outcome = outcomeOf(row[1]);
              return (
                <Table.Tr key={row[0]} data-testid={`report-row-${row[0]}`}>
                  {row.map((cell, i) => (
                    <Table.Td key={i} className={i === 0 ? 'tabular' : undefined}>
                      {i === 1 && outcome ? (
                        <Badge size="sm" variant="light" color={COLORS[outcome]}>
                          {cell}
                        </Badge>
                      ) : i === 2 && cell ? (
                        <Text fz="sm" c="lacquer.8">
                          {cell}
                        </Text>
                      ) : (
                        cell
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Center mt="sm">
          <Pagination size="sm" total={pages} value={page} onChange={setPage} />
        </Center>
      )}
    </>
  );
}
