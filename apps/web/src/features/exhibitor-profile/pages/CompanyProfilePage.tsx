import { Alert, Grid, Skeleton, Stack } from '@mantine/core';
import { IconBuildingStore, IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState } from '../../../components/StateViews';
import { useMe } from '../../../lib/session';
import { useProfile } from '../api/get-profile';
import { CertificationsCard } from '../components/CertificationsCard';
import { LogoCard } from '../components/LogoCard';
import { ProfileForm } from '../components/ProfileForm';
import { WorkshopsCard } from '../components/WorkshopsCard';

function ProfileSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true">
      <Skeleton height={220} radius="lg" />
      <Skeleton height={160} radius="lg" />
      <Skeleton height={160} radius="lg" />
    </Stack>
  );
}

/** /company/profile: the exhibitor's identity, village, capacity, markets, logo, certifications and workshops. */
export function CompanyProfilePage() {
  const { t } = useTranslation('exhibitors');
  const me = useMe();
  const company = me.data?.company;
  const isExhibitor = company?.kind === 'exhibitor';
  const profile = useProfile(isExhibitor ? company.id : undefined);

  if (me.isPending) return <ProfileSkeleton />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!company || !isExhibitor) {
    return (
      <>
        <PageHeader title={t('page.title')} />
        <EmptyState
          icon={<IconBuildingStore size={28} />}
          title={company ? t('page.notExhibitorTitle') : t('page.noCompanyTitle')}
          body={company ? t('page.notExhibitorBody') : t('page.noCompanyBody')}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      {company.status === 'pending' && (
        <Alert
          color="rattan"
          variant="light"
          icon={<IconHourglassHigh size={20} />}
          title={t('page.pendingTitle')}
          mb="lg"
        >
          {t('page.pendingBody')}
        </Alert>
      )}
      {profile.isPending ? (
        <ProfileSkeleton />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <ProfileForm key={profile.data.companyId} profile={profile.data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <LogoCard profile={profile.data} />
              <CertificationsCard
                companyId={profile.data.companyId}
                certifications={profile.data.certifications}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={12}>
            <WorkshopsCard companyId={profile.data.companyId} workshops={profile.data.workshops} />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
