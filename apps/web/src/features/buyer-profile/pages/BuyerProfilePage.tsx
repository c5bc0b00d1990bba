import { Alert, Skeleton, Stack } from '@mantine/core';
import { IconHourglassHigh, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useBuyerProfile } from '../api/get-buyer-profile';
import { BuyerProfileForm } from '../components/BuyerProfileForm';

function ProfileSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true">
      <Skeleton height={180} radius="lg" />
      <Skeleton height={260} radius="lg" />
      <Skeleton height={120} radius="lg" />
    </Stack>
  );
}

/** /company/buyer-profile: what an importer buys and how, read by exhibitors before a meeting. */
export function BuyerProfilePage() {
  const { t, i18n } = useTranslation('buyers');
  const language = currentLanguage(i18n.language);
  const me = useMe();
  const company = me.data?.company;
  const isBuyer = company?.kind === 'buyer';
  const profile = useBuyerProfile(isBuyer);

  if (me.isPending) return <ProfileSkeleton />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!company || !isBuyer) {
    return (
      <>
        <PageHeader title={t('page.title')} />
        <EmptyState
          icon={<IconWorld size={28} />}
          title={company ? t('page.notBuyerTitle') : t('page.noCompanyTitle')}
          body={company ? t('page.notBuyerBody') : t('page.noCompanyBody')}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle', { company: company.name })} />
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
        // Amounts are typed in the UI language's notation: a language switch starts the form afresh.
        <BuyerProfileForm key={`${profile.data.companyId}:${language}`} profile={profile.data} />
      )}
    </>
  );
}
