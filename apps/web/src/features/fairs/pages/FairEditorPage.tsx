import { Button, Grid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLayoutGrid } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasPermission } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, PageLoader } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useManagedFair } from '../api/get-managed-fair';
import { useSaveFair } from '../api/save-fair';
import { FairDays } from '../components/FairDays';
import { FairForm } from '../components/FairForm';
import { FairStatusActions } from '../components/FairStatusActions';

/** Organizer: create a fair (/organizer/fairs/new) or edit one, and move its status. */
export function FairEditorPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('fairs');
  const lng = currentLanguage(i18n.language);
  const navigate = useNavigate();
  const me = useMe();
  const canManage = hasPermission(me.data?.role, 'fairs.manage');
  const fair = useManagedFair(id);
  const save = useSaveFair(id);

  if (id && fair.isPending) return <PageLoader />;
  if (id && fair.isError) return <ErrorState error={fair.error} onRetry={() => void fair.refetch()} />;
  const current = fair.data;

  const onSubmit = async (body: Parameters<typeof save.mutateAsync>[0]) => {
    const saved = await save.mutateAsync(body);
    notifications.show({ color: 'celadon', message: t(id ? 'manage.savedToast' : 'manage.createdToast') });
    if (!id) navigate(`/organizer/fairs/${saved.id}`, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={current ? (lng === 'vi' ? current.nameVi : current.nameEn) : t('manage.newTitle')}
        subtitle={current ? t('manage.editTitle') : undefined}
        actions={
          current ? (
            <Button
              component={Link}
              to={`/organizer/fairs/${current.id}/booths`}
              variant="light"
              color="rattan"
              leftSection={<IconLayoutGrid size={16} />}
            >
              {t('manage.booths')}
            </Button>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: current ? 8 : 12 }}>
          {canManage ? (
            <FairForm
              key={current?.updatedAt ?? 'new'}
              fair={current}
              saving={save.isPending}
              onSubmit={onSubmit}
              onCancel={() => navigate('/organizer/fairs')}
            />
          ) : (
            current && <FairDays days={current.days} timeZone={current.timeZone} />
          )}
        </Grid.Col>
        {current && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              {canManage && <FairStatusActions fair={current} />}
              <FairDays days={current.days} timeZone={current.timeZone} />
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
