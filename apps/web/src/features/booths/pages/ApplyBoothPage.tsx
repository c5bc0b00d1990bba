import { Alert, Grid, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useMe } from '../../../lib/session';
import { useMyBooths } from '../api/my-booths';
import { ApplyBoothForm } from '../components/ApplyBoothForm';
import { BoothStatusCard } from '../components/BoothStatusCard';
import { useBoothStatusLive } from '../components/useBoothStatusLive';

/** Exhibitor: applications with their live status, and the form to apply at an open fair. */
export function ApplyBoothPage() {
  const { t } = useTranslation('booths');
  const [params] = useSearchParams();
  const me = useMe();
  const booths = useMyBooths();
  useBoothStatusLive();
  const approved = me.data?.company?.status === 'approved';

  return (
    <>
      <PageHeader title={t('apply.title')} subtitle={t('apply.subtitle')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Title order={2} fz="lg">
              {t('apply.mine')}
            </Title>
            {booths.isPending ? (
              <ListSkeleton rows={2} height={120} />
            ) : booths.isError ? (
              <ErrorState error={booths.error} onRetry={() => void booths.refetch()} />
            ) : booths.data.length === 0 ? (
              <EmptyState
                icon={<IconBuildingStore size={28} />}
                title={t('apply.noneTitle')}
                body={t('apply.noneBody')}
              />
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {booths.data.map((b) => (
                  <BoothStatusCard key={b.id} booth={b} />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {approved ? (
            <ApplyBoothForm initialFairId={params.get('fair')} />
          ) : (
            <Alert color="rattan">{t('apply.notApproved')}</Alert>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
