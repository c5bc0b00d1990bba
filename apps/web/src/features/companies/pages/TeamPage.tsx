import { Alert, Card, Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState } from '../../../components/StateViews';
import { useMe } from '../../../lib/session';
import { InviteMemberForm } from '../components/InviteMemberForm';
import { MembersList } from '../components/MembersList';
import { PendingInvitations } from '../components/PendingInvitations';

export function TeamPage() {
  const { t } = useTranslation('companies');
  const me = useMe();

  if (me.isPending) return <Skeleton height={240} radius="lg" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const company = me.data.company;
  if (!company) {
    return (
      <>
        <PageHeader title={t('team.title')} />
        <EmptyState
          icon={<IconBuildingStore size={28} />}
          title={t('my.noCompanyTitle')}
          body={t('my.noCompanyBody')}
        />
      </>
    );
  }
  const canInvite = hasPermission(me.data.role, 'company.invite') && company.membershipRole === 'owner';

  return (
    <>
      <PageHeader title={t('team.title')} subtitle={t('team.subtitle', { company: company.name })} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Title order={3} fz="lg" mb="md">
              {t('team.membersTitle')}
            </Title>
            <MembersList companyId={company.id} currentUserId={me.data.id} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card>
              <Title order={3} fz="lg" mb={4}>
                {t('invite.title')}
              </Title>
              <Text c="dimmed" fz="sm" mb="md">
                {t('invite.body')}
              </Text>
              {company.status !== 'approved' && (
                <Alert color="rattan" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
                  {t('invite.notApproved')}
                </Alert>
              )}
              {canInvite ? (
                <InviteMemberForm companyId={company.id} />
              ) : (
                <Text fz="sm" c="dimmed">
                  {t('invite.ownerOnly')}
                </Text>
              )}
            </Card>
            {canInvite && (
              <Card>
                <Title order={3} fz="lg" mb="md">
                  {t('invite.pendingTitle')}
                </Title>
                <PendingInvitations companyId={company.id} />
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
