import { useState } from 'react';
import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Booth } from '@craftmatch/shared';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { useWithdrawBooth } from '../api/withdraw-booth';
import { BoothStatusBadge } from './BoothStatusBadge';

/** One application: its status (kept live by booth:status), hall and code once approved. */
export function BoothStatusCard({ booth }: { booth: Booth }) {
  const { t, i18n } = useTranslation(['booths', 'fairs', 'common']);
  const lng = currentLanguage(i18n.language);
  const withdraw = useWithdrawBooth();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card withBorder padding="lg" data-testid={`booth-card-${booth.id}`} data-status={booth.status}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} fz="md">
            {lng === 'vi' ? booth.fairNameVi : booth.fairNameEn}
          </Title>
          <BoothStatusBadge status={booth.status} />
        </Group>
        <Text fz="sm" c="dimmed">
          {t(`sizes.${booth.size}`)} · {t('card.products', { count: booth.products.length })}
          {booth.preferredHallCode ? ` · ${t('card.hall', { code: booth.preferredHallCode })}` : ''}
        </Text>
        {booth.status === 'approved' && booth.code && (
          <Text fw={700} fz="xl" c="cham.6" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('card.code', { code: booth.code })}
            {booth.hallCode ? ` · ${t('card.hall', { code: booth.hallCode })}` : ''}
          </Text>
        )}
        {booth.gridRow && booth.gridCol && booth.status === 'approved' && (
          <Text fz="sm">{t('card.position', { row: booth.gridRow, col: booth.gridCol })}</Text>
        )}
        {booth.statusReason && booth.status === 'rejected' && (
          <Text fz="sm" c="lacquer.7">
            {t('card.reason', { reason: booth.statusReason })}
          </Text>
        )}
        <Group gap="xs" mt="xs">
          {booth.status === 'pending' && (
            <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
              {t('card.withdraw')}
            </Button>
          )}
          {booth.status === 'approved' && (
            <Button
              size="xs"
              variant="light"
              component={Link}
              to={`/booths/${booth.id}/poster`}
              leftSection={<IconPrinter size={14} />}
            >
              {t('card.poster')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('card.withdrawTitle')}
        centered
      >
        <Stack>
          <Text>{t('card.withdrawBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('fairs:form.cancel')}
            </Button>
            <Button
              color="lacquer"
              loading={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(booth.id, {
                  onSuccess: () => {
                    setConfirming(false);
                    notifications.show({ color: 'celadon', message: t('card.withdrawn') });
                  },
                  onError: (error) => {
                    setConfirming(false);
                    notifications.show({ color: 'lacquer', message: errorMessageOf(error, t) });
                  },
                })
              }
            >
              {t('card.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
