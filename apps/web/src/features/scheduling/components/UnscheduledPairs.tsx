import { useState } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { Badge, Center, Group, Pagination, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  SCHEDULE_UNSCHEDULED_REASONS,
  type ScheduleParty,
  type ScheduleUnscheduledPair,
  type ScheduleUnscheduledReason,
} from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { SCHEDULE_PAGE_SIZE, useUnscheduledPairs } from '../api/drafts';
import { formatCount, weightKind } from './format';

const ALL = 'all';

function Party({ party, label }: { party: ScheduleParty; label?: string }) {
  return (
    <Stack gap={0}>
      {label && (
        <Text fz="xs" c="dimmed" tt="uppercase">
          {label}
        </Text>
      )}
      <Text fz="sm" fw={600}>
        {party.fullName}
      </Text>
      <Text fz="xs" c="dimmed" lineClamp={1}>
        {party.companyName}
      </Text>
    </Stack>
  );
}

function Priority({ weight }: { weight: number }) {
  const { t } = useTranslation('schedulingWeb');
  const kind = weightKind(weight);
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color="cham" className="tabular">
        {weight}
      </Badge>
      {kind && (
        <Text fz="xs" c="dimmed">
          {t(`weights.${kind}`)}
        </Text>
      )}
    </Group>
  );
}

/** On a phone: one card per pair instead of a table wider than the screen. */
function PairCards({ items }: { items: ScheduleUnscheduledPair[] }) {
  const { t } = useTranslation('schedulingWeb');
  return (
    <Stack gap="xs" data-testid="unscheduled-cards">
      {items.map((p) => (
        <Paper key={p.id} withBorder p="sm" data-testid="unscheduled-pair" data-reason={p.reason}>
          <Stack gap={6}>
            <Text fz="sm" fw={600}>
              {t(`unscheduled.reasons.${p.reason}`)}
            </Text>
            <Group gap="md" wrap="wrap" align="flex-start">
              <Party party={p.buyer} label={t('unscheduled.buyer')} />
              <Party party={p.exhibitor} label={t('unscheduled.exhibitor')} />
            </Group>
            <Priority weight={p.weight} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The wished pairs the draft could not place, with why, in the reader's language. */
export function UnscheduledPairs({ draftId }: { draftId: string }) {
  const { t, i18n } = useTranslation('schedulingWeb');
  const language = currentLanguage(i18n.language);
  const [reason, setReason] = useState<ScheduleUnscheduledReason | typeof ALL>(ALL);
  const [page, setPage] = useState(1);
  const pairs = useUnscheduledPairs(draftId, {
    reason: reason === ALL ? undefined : reason,
    page,
    pageSize: SCHEDULE_PAGE_SIZE,
  });
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const data = pairs.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Stack gap="md">
      <Select
        label={t('unscheduled.reasonFilter')}
        allowDeselect={false}
        w={{ base: '100%', xs: 340 }}
        value={reason}
        onChange={(v) => {
          setReason((v ?? ALL) as ScheduleUnscheduledReason | typeof ALL);
          setPage(1);
        }}
        data={[
          { value: ALL, label: t('unscheduled.allReasons') },
          ...SCHEDULE_UNSCHEDULED_REASONS.map((r) => ({ value: r, label: t(`unscheduled.reasons.${r}`) })),
        ]}
        data-testid="unscheduled-reason"
      />
      {pairs.isPending ? (
        <ListSkeleton />
      ) : pairs.isError ? (
        <ErrorState error={pairs.error} onRetry={() => void pairs.refetch()} />
      ) : pairs.data.items.length === 0 ? (
        <EmptyState
          icon={<IconCircleCheck size={28} />}
          title={reason === ALL ? t('unscheduled.emptyTitle') : t('unscheduled.noMatchTitle')}
          body={reason === ALL ? t('unscheduled.emptyBody') : t('unscheduled.noMatchBody')}
        />
      ) : (
        <Stack gap="xs">
          <Text fz="sm" c="dimmed" className="tabular" aria-live="polite">
            {t('unscheduled.count', {
              count: pairs.data.total,
              value: formatCount(pairs.data.total, language),
            })}
          </Text>
          {narrow ? (
            <PairCards items={pairs.data.items} />
          ) : (
            <Paper withBorder>
              <Table.ScrollContainer minWidth={620}>
                <Table
                  verticalSpacing="sm"
                  data-testid="unscheduled-table"
                  style={{ opacity: pairs.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('unscheduled.buyer')}</Table.Th>
                      <Table.Th>{t('unscheduled.exhibitor')}</Table.Th>
                      <Table.Th>{t('unscheduled.priority')}</Table.Th>
                      <Table.Th>{t('unscheduled.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {pairs.data.items.map((p) => (
                      <Table.Tr key={p.id} data-testid="unscheduled-pair" data-reason={p.reason}>
                        <Table.Td>
                          <Party party={p.buyer} />
                        </Table.Td>
                        <Table.Td>
                          <Party party={p.exhibitor} />
                        </Table.Td>
                        <Table.Td>
                          <Priority weight={p.weight} />
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm">{t(`unscheduled.reasons.${p.reason}`)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </Stack>
      )}
      {totalPages > 1 && (
        <Center>
          <Pagination total={totalPages} value={page} onChange={setPage} />
        </Center>
      )}
    </Stack>
  );
}
