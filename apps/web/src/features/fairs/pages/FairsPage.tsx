import { Center, Pagination, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FairWhen } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useFairs } from '../api/list-fairs';
import { FairCard } from '../components/FairCard';

const PAGE_SIZE = 12;

/** Public: upcoming and past fairs. */
export function FairsPage() {
  const { t } = useTranslation('fairs');
  const [params, setParams] = useSearchParams();
  const when: FairWhen = params.get('when') === 'past' ? 'past' : 'upcoming';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const fairs = useFairs({ when, page, pageSize: PAGE_SIZE });
  const totalPages = fairs.data ? Math.max(1, Math.ceil(fairs.data.total / fairs.data.pageSize)) : 1;

  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      <Stack gap="md">
        <Tabs
          value={when}
          onChange={(value) => setParams(value === 'past' ? { when: 'past' } : {}, { replace: true })}
        >
          <Tabs.List>
            <Tabs.Tab value="upcoming">{t('list.upcoming')}</Tabs.Tab>
            <Tabs.Tab value="past">{t('list.past')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {fairs.isPending ? (
          <ListSkeleton rows={3} height={160} />
        ) : fairs.isError ? (
          <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />
        ) : fairs.data.items.length === 0 ? (
          <EmptyState
            icon={<IconCalendarEvent size={28} />}
            title={t(when === 'past' ? 'list.emptyPastTitle' : 'list.emptyUpcomingTitle')}
            body={t(when === 'past' ? 'list.emptyPastBody' : 'list.emptyUpcomingBody')}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {fairs.data.items.map((fair) => (
              <FairCard key={fair.id} fair={fair} />
            ))}
          </SimpleGrid>
        )}
        {totalPages > 1 && (
          <Center>
            <Pagination
              total={totalPages}
              value={page}
              onChange={(p) => setParams({ ...(when === 'past' ? { when } : {}), page: String(p) })}
            />
          </Center>
        )}
      </Stack>
    </>
  );
}
