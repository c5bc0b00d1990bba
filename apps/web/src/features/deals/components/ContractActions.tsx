import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCheck, IconEdit, IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONTRACT_REASON_MAX, type ContractDetail } from '@craftmatch/shared';
import { FormError } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { useCancelContract, useConfirmContract, useDisputeContract } from '../api/contracts';

/**
 * What the viewer may do with a contract: the other party confirms or disputes a declared one (and may
 * still confirm a disputed one); either party cancels, after a confirm dialog. Organizers only read.
 */
export function ContractActions({
  contract,
  companyId,
}: {
  contract: ContractDetail;
  companyId: string | null;
}) {
  const { t } = useTranslation(['deals', 'common', 'errors']);
  const confirm = useConfirmContract();
  const dispute = useDisputeContract();
  const cancel = useCancelContract();
  const [modal, setModal] = useState<'dispute' | 'cancel' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const isParty = companyId === contract.exhibitorCompanyId || companyId === contract.buyerCompanyId;
  if (!isParty || contract.status === 'cancelled') return null;
  const otherSide = contract.declaredByCompanyId !== companyId;
  const canConfirm = otherSide && (contract.status === 'declared' || contract.status === 'disputed');
  const canDispute = otherSide && contract.status === 'declared';

  const close = () => {
    setModal(null);
    setReason('');
    setError(null);
  };
  const onError = (e: unknown) => setError(errorMessageOf(e, t));
  const done = (title: string) => {
    notifications.show({ color: 'celadon', message: title });
    close();
  };

  return (
    <>
      <Group gap="sm" data-testid="contract-actions">
        {!modal && <FormError message={error} />}
        {canConfirm && (
          <Button
            color="celadon"
            leftSection={<IconCheck size={16} />}
            loading={confirm.isPending}
            onClick={() =>
              confirm.mutate({ id: contract.id }, { onSuccess: () => done(t('detail.confirmed')), onError })
            }
            data-testid="contract-confirm"
          >
            {t('detail.confirm')}
          </Button>
        )}
        {canDispute && (
          <Button
            variant="light"
            color="lacquer"
            leftSection={<IconMessageReport size={16} />}
            onClick={() => setModal('dispute')}
            data-testid="contract-dispute"
          >
            {t('detail.dispute')}
          </Button>
        )}
        {!otherSide && (
          <Button
            component={Link}
            to={`/deals/contracts/${contract.id}/edit`}
            variant="light"
            color="cham"
            leftSection={<IconEdit size={16} />}
            data-testid="contract-edit"
          >
            {t('detail.edit')}
          </Button>
        )}
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconBan size={16} />}
          onClick={() => setModal('cancel')}
          data-testid="contract-cancel"
        >
          {t('detail.cancel')}
        </Button>
      </Group>

      <Modal
        opened={modal !== null}
        onClose={close}
        title={modal === 'dispute' ? t('detail.disputeTitle') : t('detail.cancelTitle')}
        centered
      >
        <Stack gap="sm">
          <FormError message={error} />
          <Text fz="sm">{modal === 'dispute' ? t('detail.disputeBody') : t('detail.cancelBody')}</Text>
          <Textarea
            label={modal === 'dispute' ? t('detail.disputeReason') : t('detail.cancelReason')}
            required={modal === 'dispute'}
            autosize
            minRows={3}
            maxLength={CONTRACT_REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="contract-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('detail.back')}
            </Button>
            {modal === 'dispute' ? (
              <Button
                color="lacquer"
                disabled={!reason.trim()}
                loading={dispute.isPending}
                onClick={() =>
                  dispute.mutate(
                    { id: contract.id, body: { reason: reason.trim() } },
                    { onSuccess: () => done(t('detail.disputed')), onError },
                  )
                }
                data-testid="contract-dispute-submit"
              >
                {t('detail.disputeSubmit')}
              </Button>
            ) : (
              <Button
                color="lacquer"
                loading={cancel.isPending}
                onClick={() =>
                  cancel.mutate(
                    { id: contract.id, body: reason.trim() ? { reason: reason.trim() } : {} },
                    { onSuccess: () => done(t('detail.cancelled')), onError },
                  )
                }
                data-testid="contract-cancel-submit"
              >
                {t('detail.cancelSubmit')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
