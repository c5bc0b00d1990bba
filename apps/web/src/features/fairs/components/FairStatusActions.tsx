import { useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FAIR_TRANSITIONS, type Fair, type FairStatus } from '@craftmatch/shared';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { useChangeFairStatus } from '../api/change-fair-status';
import { FairStatusBadge } from './FairStatusBadge';

/** The one next step of the fair's status, behind a confirmation. */
export function FairStatusActions({ fair }: { fair: Fair }) {
  const { t, i18n } = useTranslation(['fairs', 'common']);
  const lng = currentLanguage(i18n.language);
  const change = useChangeFairStatus();
  const [confirming, setConfirming] = useState<FairStatus | null>(null);
  const next = FAIR_TRANSITIONS[fair.status];
  const name = lng === 'vi' ? fair.nameVi : fair.nameEn;

  const confirm = () => {
    if (!confirming) return;
    change.mutate(
      { id: fair.id, status: confirming },
      {
        onSuccess: (updated) => {
          setConfirming(null);
          notifications.show({
            color: 'celadon',
            message: t('transition.done', { status: t(`status.${updated.status}`) }),
          });
        },
        onError: (error) => {
          setConfirming(null);
          notifications.show({
            color: 'lacquer',
            title: t('common:states.errorTitle'),
            message: errorMessageOf(error, t),
          });
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {t('transition.title')}
          </Title>
          <FairStatusBadge status={fair.status} />
        </Group>
        {next ? (
          <Button
            color={next === 'closed' ? 'lacquer' : 'cham'}
            onClick={() => setConfirming(next)}
            data-testid="fair-next-status"
          >
            {t(`transition.to.${next}`)}
          </Button>
        ) : (
          <Text c="dimmed">{t('transition.final')}</Text>
        )}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('transition.confirmTitle')}
        centered
      >
        {confirming && (
          <Stack>
            <Text>{t(`transition.confirm.${confirming}`, { name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('form.cancel')}
              </Button>
              <Button
                color={confirming === 'closed' ? 'lacquer' : 'cham'}
                loading={change.isPending}
                onClick={confirm}
              >
                {t('transition.confirmButton')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
