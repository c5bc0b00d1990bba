import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, PageLoader } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useFair } from '../api/get-fair';
import { formatUsd } from '../components/fair-time';
import { FairDays } from '../components/FairDays';
import { FairStatusBadge } from '../components/FairStatusBadge';

/** Public: one fair, its days in its own zone (and the viewer's), venue and halls. */
export function FairPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation('fairs');
  const lng = currentLanguage(i18n.language);
  const fair = useFair(slug);
  const me = useMe();

  if (fair.isPending) return <PageLoader />;
  if (fair.isError) return <ErrorState error={fair.error} onRetry={() => void fair.refetch()} />;
  const f = fair.data;
  const canApply = f.status === 'registration' && me.data?.company?.kind === 'exhibitor';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/fairs" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('page.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={lng === 'vi' ? f.nameVi : f.nameEn}
        subtitle={lng === 'vi' ? f.nameEn : f.nameVi}
        actions={
          <>
            <FairStatusBadge status={f.status} size="lg" />
            {canApply && (
              <Button component={Link} to={`/booths/apply?fair=${f.id}`} color="lacquer">
                {t('page.applyCta')}
              </Button>
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="lg">
            <Title order={2} fz="lg" mb="sm">
              {t('page.days')}
            </Title>
            <FairDays days={f.days} timeZone={f.timeZone} />
            <Text fz="sm" c="dimmed" mt="sm">
              {t('page.meetings', { slot: f.slotMinutes, buffer: f.bufferMinutes })}
            </Text>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg">
              <Title order={2} fz="lg" mb="sm">
                {t('page.venue')}
              </Title>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconMapPin size={18} />
                <Stack gap={2}>
                  <Text fw={600}>{f.venue}</Text>
                  {f.address && <Text c="dimmed">{f.address}</Text>}
                </Stack>
              </Group>
              {f.contractTargetUsd && (
                <Text mt="md" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('page.target')}: <b>{formatUsd(f.contractTargetUsd, lng)}</b>
                </Text>
              )}
            </Paper>
            {f.halls.length > 0 && (
              <Paper withBorder p="lg">
                <Title order={2} fz="lg" mb="sm">
                  {t('page.halls')}
                </Title>
                <Group gap="xs">
                  {f.halls.map((h) => (
                    <Badge key={h.id} variant="light" color="cham" size="lg">
                      {h.code} · {h.name}
                    </Badge>
                  ))}
                </Group>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
