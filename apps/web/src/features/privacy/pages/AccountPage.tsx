import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { DeleteAccountCard, MyDataCard } from '../components/DataCards';
import { SessionsCard } from '../components/SessionsCard';

/** Account settings: where the person is signed in, their data, and leaving. */
export function AccountPage() {
  const { t } = useTranslation('privacy');
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Stack gap="lg" maw={820}>
        <SessionsCard />
        <MyDataCard />
        <DeleteAccountCard />
      </Stack>
    </>
  );
}
