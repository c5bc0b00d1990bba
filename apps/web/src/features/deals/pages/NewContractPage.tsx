import { Anchor, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useMe } from '../../../lib/session';
import { useCreateContract } from '../api/contracts';
import { useCounterparts, useDealMeeting, useHeldMeetings } from '../api/counterparts';
import { useDealFairs } from '../api/fairs';
import { ContractForm } from '../components/ContractForm';
import { DealFairSelect } from '../components/DealFairSelect';

/**
 * /deals/contracts/new?meeting=<id> (from a held meeting) or ?fair=<id> (directly at a fair):
 * record a contract or LOI; the other party then confirms or disputes it.
 */
export function NewContractPage() {
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const kind = me.data?.company?.kind;
  const side = kind === 'buyer' || kind === 'exhibitor' ? kind : null;
  const meetingId = params.get('meeting');
  const meeting = useDealMeeting(meetingId);
  const fairs = useDealFairs();
  const fairId = meeting.data?.fairId ?? params.get('fair') ?? fairs.data?.[0]?.id ?? null;
  const held = useHeldMeetings(side ? fairId : null);
  const counterparts = useCounterparts(side ? fairId : null);
  const create = useCreateContract();

  const header = <PageHeader title={t('contracts.newTitle')} subtitle={t('contracts.newSubtitle')} />;
  if (me.data && !side)
    return (
      <>
        {header}
        <EmptyState
          icon={<IconFileCertificate size={28} />}
          title={t('companyOnly.title')}
          body={t('companyOnly.body')}
        />
      </>
    );
  const pending =
    me.isPending ||
    fairs.isPending ||
    (meetingId && meeting.isPending) ||
    held.isPending ||
    counterparts.isPending;
  const error = fairs.error ?? meeting.error ?? held.error ?? counterparts.error;
  if (error)
    return (
      <>
        {header}
        <ErrorState error={error} />
      </>
    );
  if (pending || !side || !fairId || !me.data?.company)
    return (
      <>
        {header}
        {fairs.data && fairs.data.length === 0 ? (
          <EmptyState
            icon={<IconFileCertificate size={28} />}
            title={t('fair.noneTitle')}
            body={t('fair.noneBody')}
          />
        ) : (
          <ListSkeleton rows={6} height={64} />
        )}
      </>
    );

  const m = meeting.data;
  const initial = m
    ? { meetingId: m.id, counterpartCompanyId: side === 'buyer' ? m.exhibitor.companyId : m.buyer.companyId }
    : undefined;

  return (
    <>
      {header}
      <Stack gap="md">
        {!m && (
          <DealFairSelect
            fairs={fairs.data ?? []}
            value={fairId}
            onChange={(id) => setParams({ fair: id }, { replace: true })}
          />
        )}
        <ContractForm
          key={`${fairId}:${m?.id ?? ''}`}
          side={side}
          ownCompanyId={me.data.company.id}
          counterparts={counterparts.data ?? []}
          heldMeetings={held.data ?? []}
          initial={initial}
          submitting={create.isPending}
          onSubmit={(body, form) =>
            create.mutate(
              { fairId, body },
              {
                onSuccess: (contract) => {
                  notifications.show({
                    color: 'celadon',
                    title: t('contracts.recorded'),
                    message: t('contracts.recordedBody'),
                  });
                  void navigate(`/deals/contracts/${contract.id}`);
                },
                onError: (e) => form.setServerError(e),
              },
            )
          }
        />
        <Anchor component={Link} to={`/deals/contracts?fair=${fairId}`} fz="sm">
          {t('contracts.back')}
        </Anchor>
      </Stack>
    </>
  );
}
