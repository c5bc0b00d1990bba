import { Anchor, Button, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconBuildingStore, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState } from '../../../components/StateViews';
import { countryName, formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useCompany } from '../api/get-company';
import { CompanyStatusCard } from '../components/CompanyStatusCard';
import { MembersList } from '../components/MembersList';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text className="tabular">{value}</Text>
    </Stack>
  );
}

export function MyCompanyPage() {
  const { t, i18n } = useTranslation(['companies', 'common']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const me = useMe();
  const companyId = me.data?.company?.id;
  const company = useCompany(companyId);

  if (me.isPending) return <Skeleton height={200} radius="lg" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;

  const mine = me.data.company;
  if (!mine) {
    return (
      <>
        <PageHeader title={t('my.title')} />
        <EmptyState
          icon={<IconBuildingStore size={28} />}
          title={t('my.noCompanyTitle')}
          body={t('my.noCompanyBody')}
        />
      </>
    );
  }

  // The session copy (me) updates live on company:status; the summary adds the details.
  const summary = company.data;
  const status = mine.status;
  const reason = mine.statusReason ?? summary?.statusReason ?? null;
  const canInvite = hasPermission(me.data.role, 'company.invite');

  return (
    <>
      <PageHeader
        title={mine.name}
        subtitle={t('my.subtitle', { kind: t(`kinds.${mine.kind}`) })}
        actions={
          canInvite && (
            <Button
              component={Link}
              to="/company/team"
              variant="light"
              leftSection={<IconUserPlus size={16} />}
            >
              {t('my.inviteAction')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <CompanyStatusCard name={mine.name} status={status} reason={reason} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card h="100%">
              <Title order={3} fz="lg" mb="md">
                {t('my.detailsTitle')}
              </Title>
              {company.isPending ? (
                <Stack gap="sm">
                  <Skeleton height={36} />
                  <Skeleton height={36} />
                  <Skeleton height={36} />
                </Stack>
              ) : company.isError ? (
                <ErrorState error={company.error} onRetry={() => void company.refetch()} />
              ) : (
                <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
                  <Fact label={t('my.facts.kind')} value={t(`kinds.${company.data.kind}`)} />
                  <Fact
                    label={t('my.facts.country')}
                    value={countryName(company.data.countryCode, language) ?? t('my.facts.countryNone')}
                  />
                  <Fact
                    label={t('my.facts.registered')}
                    value={formatDate(company.data.createdAt, language)}
                  />
                  <Fact
                    label={t('my.facts.members')}
                    value={t('my.facts.memberCount', { count: company.data.memberCount })}
                  />
                  {company.data.reviewedAt && (
                    <Fact
                      label={t('my.facts.reviewed')}
                      value={formatDate(company.data.reviewedAt, language)}
                    />
                  )}
                </SimpleGrid>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card h="100%">
              <Group justify="space-between" mb="md">
                <Title order={3} fz="lg">
                  {t('team.membersTitle')}
                </Title>
                <Anchor component={Link} to="/company/team" fz="sm">
                  {t('my.manageTeam')} <IconArrowRight size={14} style={{ verticalAlign: -2 }} />
                </Anchor>
              </Group>
              <MembersList companyId={mine.id} currentUserId={me.data.id} limit={4} />
            </Card>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
