import { Alert, Anchor, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ContractDetail } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useMe } from '../../../lib/session';
import { useContract, useUpdateContract } from '../api/contracts';
import { ContractForm, type ContractFormValues } from '../components/ContractForm';

function formValues(c: ContractDetail, ownCompanyId: string): Partial<ContractFormValues> {
  return {
    counterpartCompanyId: ownCompanyId === c.exhibitorCompanyId ? c.buyerCompanyId : c.exhibitorCompanyId,
    meetingId: c.meetingId,
    number: c.number,
    signedOn: c.signedOn,
    kind: c.kind,
    currency: c.currency,
    incoterm: c.incoterm,
    incotermPlace: c.incotermPlace,
    paymentTerms: c.paymentTerms,
    depositPercent: c.depositPercent ?? '',
    notes: c.notes ?? '',
    lines: c.lines.map((l) => ({
      productId: l.productId,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
    })),
  };
}

/** /deals/contracts/:id/edit: the declaring party corrects a contract; it then awaits the other side again. */
export function EditContractPage() {
  const { id } = useParams();
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const me = useMe();
  const contract = useContract(id);
  const update = useUpdateContract();

  if (contract.isPending || me.isPending) return <ListSkeleton rows={6} height={64} />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  const c = contract.data;
  const own = me.data?.company;
  const side = own?.kind === 'buyer' || own?.kind === 'exhibitor' ? own.kind : null;
  const canEdit = own && side && c.declaredByCompanyId === own.id && c.status !== 'cancelled';
  const partner =
    own?.id === c.exhibitorCompanyId
      ? { companyId: c.buyerCompanyId, companyName: c.buyerName }
      : { companyId: c.exhibitorCompanyId, companyName: c.exhibitorName };

  return (
    <>
      <PageHeader title={t('edit.title', { number: c.number })} subtitle={t('edit.subtitle')} />
      <Stack gap="md">
        {!canEdit ? (
          <Alert color="rattan">{t('edit.notYours')}</Alert>
        ) : (
          <ContractForm
            side={side}
            ownCompanyId={own.id}
            counterparts={[partner]}
            heldMeetings={[]}
            initial={formValues(c, own.id)}
            editing
            submitting={update.isPending}
            onSubmit={({ counterpartCompanyId: _partner, ...body }, form) =>
              update.mutate(
                { id: c.id, body },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'celadon', message: t('edit.saved') });
                    void navigate(`/deals/contracts/${c.id}`);
                  },
                  onError: (e) => form.setServerError(e),
                },
              )
            }
          />
        )}
        <Anchor component={Link} to={`/deals/contracts/${c.id}`} fz="sm">
          {t('edit.back')}
        </Anchor>
      </Stack>
    </>
  );
}
