import { useState } from 'react';
import { Button, Drawer, Group, List, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { SAMPLE_TEXT_MAX, type SampleDetail } from '@craftmatch/shared';
import { ErrorState, FormError, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import {
  useApproveSample,
  useReceiveSample,
  useRejectSample,
  useSample,
  useSampleAudit,
  useSendSample,
} from '../api/samples';
import { AuditTrail } from './AuditTrail';
import { formatMoney } from './money';
import { SampleStatusBadge } from './StatusBadge';

/** One sample with the next step for the viewer's side: the exhibitor sends it, the buyer receives and judges. */
export function SampleDrawer({
  id,
  companyId,
  onClose,
}: {
  id: string | null;
  companyId: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(['deals', 'errors']);
  const lng = currentLanguage(i18n.resolvedLanguage);
  const sample = useSample(id);
  const audit = useSampleAudit(id);
  const send = useSendSample();
  const receive = useReceiveSample();
  const approve = useApproveSample();
  const reject = useRejectSample();
  const [courier, setCourier] = useState('');
  const [tracking, setTracking] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(errorMessageOf(e, t));
  const done = () => {
    setError(null);
    notifications.show({ color: 'celadon', message: t('samples.updated') });
  };

  const s: SampleDetail | undefined = sample.data;
  const exhibitorSide = s && companyId === s.exhibitorCompanyId;
  const buyerSide = s && companyId === s.buyerCompanyId;

  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('samples.detailTitle')}
    >
      {sample.isPending ? (
        <ListSkeleton rows={4} />
      ) : sample.isError ? (
        <ErrorState error={sample.error} onRetry={() => void sample.refetch()} />
      ) : s ? (
        <Stack gap="md" data-testid="sample-drawer">
          <Group justify="space-between">
            <Text fw={600}>
              {s.exhibitorName} → {s.buyerName}
            </Text>
            <SampleStatusBadge status={s.status} />
          </Group>
          <List size="sm">
            {s.items.map((item, i) => (
              <List.Item key={i}>
                {t('samples.itemLine', {
                  description: item.productName ?? item.description,
                  count: item.quantity,
                })}
              </List.Item>
            ))}
          </List>
          {s.cost && s.currency && (
            <Text fz="sm">{t('samples.costLine', { cost: formatMoney(s.cost, s.currency, lng) })}</Text>
          )}
          {s.courier && (
            <Text fz="sm" data-testid="sample-tracking">
              {t('samples.trackingLine', { courier: s.courier, tracking: s.trackingNumber ?? '' })}
            </Text>
          )}
          {s.notes && <Text fz="sm">{s.notes}</Text>}
          {s.rejectReason && (
            <Text fz="sm" c="lacquer.7">
              {t('audit.reason', { reason: s.rejectReason })}
            </Text>
          )}
          <FormError message={error} />

          {exhibitorSide && s.status === 'requested' && (
            <Stack gap="xs">
              <TextInput
                label={t('samples.courier')}
                value={courier}
                onChange={(e) => setCourier(e.currentTarget.value)}
                maxLength={SAMPLE_TEXT_MAX}
              />
              <TextInput
                label={t('samples.tracking')}
                value={tracking}
                onChange={(e) => setTracking(e.currentTarget.value)}
                maxLength={SAMPLE_TEXT_MAX}
              />
              <Button
                color="cham"
                disabled={!courier.trim() || !tracking.trim()}
                loading={send.isPending}
                onClick={() =>
                  send.mutate(
                    { id: s.id, body: { courier: courier.trim(), trackingNumber: tracking.trim() } },
                    { onSuccess: done, onError },
                  )
                }
                data-testid="sample-send"
              >
                {t('samples.markSent')}
              </Button>
            </Stack>
          )}
          {buyerSide && s.status === 'sent' && (
            <Button
              color="cham"
              loading={receive.isPending}
              onClick={() => receive.mutate({ id: s.id }, { onSuccess: done, onError })}
              data-testid="sample-receive"
            >
              {t('samples.markReceived')}
            </Button>
          )}
          {buyerSide && s.status === 'received' && (
            <Stack gap="xs">
              <Button
                color="celadon"
                loading={approve.isPending}
                onClick={() => approve.mutate({ id: s.id }, { onSuccess: done, onError })}
                data-testid="sample-approve"
              >
                {t('samples.approve')}
              </Button>
              <Textarea
                label={t('samples.rejectReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={SAMPLE_TEXT_MAX}
              />
              <Button
                variant="light"
                color="lacquer"
                disabled={!reason.trim()}
                loading={reject.isPending}
                onClick={() =>
                  reject.mutate({ id: s.id, body: { reason: reason.trim() } }, { onSuccess: done, onError })
                }
                data-testid="sample-reject"
              >
                {t('samples.reject')}
              </Button>
            </Stack>
          )}

          <Title order={4} fz="md">
            {t('audit.title')}
          </Title>
          {audit.isPending ? (
            <ListSkeleton rows={2} height={36} />
          ) : audit.isError ? (
            <ErrorState error={audit.error} />
          ) : (
            <AuditTrail entries={audit.data} />
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
