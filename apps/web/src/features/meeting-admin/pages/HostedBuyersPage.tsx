import { useState } from 'react';
import {
  Button,
  Center,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Fair, FairParticipant, Language } from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { countryLabel } from '../../../lib/reference';
import { PARTICIPANT_PAGE_SIZE, useFairParticipants, useSetHostedBuyer } from '../api/hosted-buyers';
import { FairAdminFrame } from '../components/FairAdminFrame';

const FILTERS = ['all', 'hosted', 'notHosted'] as const;
type Filter = (typeof FILTERS)[number];
const hostedParam = (filter: Filter) => (filter === 'all' ? undefined : filter === 'hosted');

function ParticipantRow({
  fairId,
  participant: p,
  language,
}: {
  fairId: string;
  participant: FairParticipant;
  language: Language;
}) {
  const { t } = useTranslation('meetingAdmin');
  const setHosted = useSetHostedBuyer(fairId);
  return (
    <Table.Tr data-testid={`participant-${p.userId}`}>
      <Table.Td>
        <Text fz="sm" fw={600}>
          {p.fullName}
        </Text>
      </Table.Td>
      <Table.Td maw={280}>
        <Text fz="sm" lineClamp={2}>
          {p.companyName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{countryLabel(p.countryCode, language) || '—'}</Text>
      </Table.Td>
      <Table.Td miw={190}>
        <Switch
          color="rattan"
          checked={p.hostedBuyer}
          label={p.hostedBuyer ? t('buyers.hosted') : t('buyers.notHosted')}
          aria-label={t('buyers.toggle', { name: p.fullName })}
          disabled={setHosted.isPending}
          onChange={(e) => setHosted.mutate({ userId: p.userId, hostedBuyer: e.currentTarget.checked })}
        />
        {setHosted.isError && (
          <Text fz="xs" c="lacquer.7" mt={4} role="alert">
            {t('buyers.saveFailed', { message: errorMessageOf(setHosted.error, t) })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function HostedBuyers({ fair }: { fair: Fair }) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const participants = useFairParticipants(fair.id, {
    q: debounced || undefined,
    hosted: hostedParam(filter),
    page,
    pageSize: PARTICIPANT_PAGE_SIZE,
  });
  const data = participants.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  // Un-hosting the last row of the last "hosted" page leaves that page empty: step back (during render,
  // as React recommends for state derived from what was just shown).
  if (data && !participants.isPlaceholderData && page > totalPages) setPage(totalPages);

  const showAll = () => {
    setQ('');
    setFilter('all');
    setPage(1);
  };
  const filtered = Boolean(debounced) || filter !== 'all';

  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" maw={760}>
        {t('buyers.intro')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          aria-label={t('buyers.search')}
          placeholder={t('buyers.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', xs: 320 }}
        />
        <SegmentedControl
          aria-label={t('buyers.filter')}
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setPage(1);
          }}
          data={FILTERS.map((f) => ({ value: f, label: t(`buyers.filters.${f}`) }))}
        />
      </Group>
      {participants.isPending ? (
        <ListSkeleton />
      ) : participants.isError ? (
        <ErrorState error={participants.error} onRetry={() => void participants.refetch()} />
      ) : participants.data.items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconUserStar size={28} />}
            title={debounced ? t('buyers.noMatchTitle') : t(`buyers.noneTitle.${filter}`)}
            body={debounced ? t('buyers.noMatchBody') : t('buyers.noneBody')}
            action={
              <Button variant="light" color="cham" onClick={showAll}>
                {t('buyers.showAll')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<IconUserStar size={28} />}
            title={t('buyers.emptyTitle')}
            body={t('buyers.emptyBody')}
          />
        )
      ) : (
        <Stack gap="xs">
          <Text fz="sm" c="dimmed" className="tabular" aria-live="polite">
            {t('buyers.total', { count: participants.data.total })}
          </Text>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={640}>
              <Table
                verticalSpacing="sm"
                highlightOnHover
                data-testid="participant-table"
                style={{ opacity: participants.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('buyers.person')}</Table.Th>
                    <Table.Th>{t('buyers.company')}</Table.Th>
                    <Table.Th>{t('buyers.country')}</Table.Th>
                    <Table.Th>{t('buyers.hostedColumn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {participants.data.items.map((p) => (
                    <ParticipantRow key={p.userId} fairId={fair.id} participant={p} language={language} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
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

/** /organizer/fairs/:id/buyers: the buyer people registered for this fair, and who of them is hosted. */
export function HostedBuyersPage() {
  const { id = '' } = useParams();
  return (
    <FairAdminFrame fairId={id} tab="buyers">
      {(fair) => <HostedBuyers fair={fair} />}
    </FairAdminFrame>
  );
}
