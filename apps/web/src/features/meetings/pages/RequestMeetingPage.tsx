import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEETING_MAX_PROPOSALS, MEETING_MESSAGE_MAX, type FairAttendee } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, FormError, ListSkeleton } from '../../../components/StateViews';
import { ApiError, errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { countryName } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useAttendees } from '../api/attendees';
import { useMeetingFairs } from '../api/fairs';
import { useCreateMeeting } from '../api/meeting-actions';
import { useMyParticipation } from '../api/participation';
import { FairSelect } from '../components/FairSelect';
import { InterpreterLanguageSelect } from '../components/InterpreterLanguageSelect';
import { sideOf } from '../components/meeting-view';
import { ProposeSlots } from '../components/ProposeSlots';
import { RegisterForFair } from '../components/RegisterForFair';

/**
 * Ask a person of the other side for a meeting: /meetings/new?fair=<id>&company=<id>&user=<id>
 * (the public exhibitor and fair pages link here).
 */
export function RequestMeetingPage() {
  const { t, i18n } = useTranslation('meetings');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const side = sideOf(me.data);
  const fairs = useMeetingFairs();
  const fairId = params.get('fair') ?? fairs.data?.[0]?.id ?? null;
  const fair = fairs.data?.find((f) => f.id === fairId) ?? null;
  const participation = useMyParticipation(fairId, side === 'buyer');
  const registered = side !== 'buyer' || participation.data?.some((p) => p.userId === me.data?.id);
  const attendees = useAttendees(registered ? fairId : null);

  const companyFilter = params.get('company');
  const [withUserId, setWithUserId] = useState<string | null>(params.get('user'));
  const [slots, setSlots] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [interpreterLanguage, setInterpreterLanguage] = useState<string | null>(null);
  const [slotsError, setSlotsError] = useState<string | undefined>();
  const create = useCreateMeeting();

  const chooseFair = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('fair', id);
    setParams(next, { replace: true });
    setSlots([]);
  };

  const people: FairAttendee[] = (attendees.data ?? []).filter(
    (a) => !companyFilter || a.companyId === companyFilter,
  );
  // A preselected person from another fair or company is dropped rather than sent.
  const target = people.find((a) => a.userId === withUserId) ?? (people.length === 1 ? people[0] : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!fairId || !target) return;
    if (slots.length === 0) {
      setSlotsError(t('request.slotsRequired'));
      return;
    }
    setSlotsError(undefined);
    create.mutate(
      {
        fairId,
        body: {
          withUserId: target.userId,
          slots,
          message: message.trim() || undefined,
          interpreterLanguage: interpreterLanguage ?? undefined,
        },
      },
      {
        onSuccess: (meeting) => {
          notifications.show({
            color: 'celadon',
            title: t('request.sentTitle'),
            message: t('request.sentBody', { name: target.fullName }),
          });
          void navigate(`/meetings?fair=${meeting.fairId}&tab=waiting`);
        },
      },
    );
  };

  const fieldErrors = fieldErrorsOf(create.error, t);
  const title = <PageHeader title={t('request.title')} subtitle={t('request.subtitle')} />;

  if (me.data && !side) {
    return (
      <>
        {title}
        <EmptyState
          icon={<IconCalendarPlus size={28} />}
          title={t('request.companyOnlyTitle')}
          body={t('request.companyOnlyBody')}
        />
      </>
    );
  }
  if (fairs.isPending || me.isPending)
    return (
      <>
        {title}
        <ListSkeleton rows={3} />
      </>
    );
  if (fairs.isError)
    return (
      <>
        {title}
        <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />
      </>
    );
  if (!fair) {
    return (
      <>
        {title}
        <EmptyState
          icon={<IconCalendarPlus size={28} />}
          title={t('fair.noneTitle')}
          body={t('fair.noneBody')}
          action={
            <Button component={Link} to="/fairs" variant="light">
              {t('fair.browse')}
            </Button>
          }
        />
      </>
    );
  }
  const fairName = lng === 'vi' ? fair.nameVi : fair.nameEn;

  return (
    <>
      {title}
      <form onSubmit={submit} noValidate data-testid="request-meeting-form">
        <Stack gap="lg">
          <FairSelect fairs={fairs.data} value={fairId} onChange={chooseFair} />
          {side === 'buyer' && participation.isPending ? (
            <ListSkeleton rows={1} />
          ) : !registered ? (
            <RegisterForFair fairId={fair.id} fairName={fairName} />
          ) : (
            <>
              <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
                <Title order={2} fz="lg" mb="sm">
                  {t('request.whoTitle')}
                </Title>
                {attendees.isPending ? (
                  <ListSkeleton rows={1} height={36} />
                ) : attendees.isError &&
                  side === 'exhibitor' &&
                  attendees.error instanceof ApiError &&
                  attendees.error.status === 403 ? (
                  <EmptyState
                    icon={<IconCalendarPlus size={28} />}
                    title={t('request.noBoothTitle')}
                    body={t('request.noBoothBody')}
                    action={
                      <Button component={Link} to="/booths/apply" variant="light" color="cham">
                        {t('request.applyBooth')}
                      </Button>
                    }
                  />
                ) : attendees.isError ? (
                  <ErrorState error={attendees.error} onRetry={() => void attendees.refetch()} />
                ) : people.length === 0 ? (
                  <Text c="dimmed">{t(side === 'buyer' ? 'request.noExhibitors' : 'request.noBuyers')}</Text>
                ) : (
                  <Select
                    label={t('request.person')}
                    placeholder={t('request.personPlaceholder')}
                    searchable
                    nothingFoundMessage={t('request.nobodyFound')}
                    value={target?.userId ?? null}
                    onChange={(v) => {
                      setWithUserId(v);
                      setSlots([]);
                    }}
                    error={fieldErrors.withUserId}
                    data={people.map((a) => ({
                      value: a.userId,
                      label: [
                        a.fullName,
                        a.companyName,
                        a.boothCode
                          ? t('request.booth', { code: a.boothCode })
                          : countryName(a.countryCode, lng),
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    }))}
                    data-testid="attendee-select"
                  />
                )}
              </Paper>
              {target && (
                <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
                  <Title order={2} fz="lg" mb={4}>
                    {t('request.whenTitle')}
                  </Title>
                  <Text fz="sm" c="dimmed" mb="sm">
                    {t('request.whenHint', { max: MEETING_MAX_PROPOSALS })}
                  </Text>
                  <ProposeSlots
                    fairId={fair.id}
                    fairZone={fair.timeZone}
                    withUserId={target.userId}
                    selfUserId={me.data?.id}
                    value={slots}
                    onChange={(next) => {
                      setSlots(next);
                      if (next.length) setSlotsError(undefined);
                    }}
                    error={slotsError ?? fieldErrors.slots}
                  />
                </Paper>
              )}
              {target && (
                <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
                  <Stack gap="md">
                    <Textarea
                      label={t('request.message')}
                      placeholder={t('request.messagePlaceholder')}
                      autosize
                      minRows={3}
                      maxLength={MEETING_MESSAGE_MAX}
                      value={message}
                      onChange={(e) => setMessage(e.currentTarget.value)}
                      error={fieldErrors.message}
                    />
                    <InterpreterLanguageSelect
                      value={interpreterLanguage}
                      onChange={setInterpreterLanguage}
                    />
                  </Stack>
                </Paper>
              )}
              {create.isError && Object.keys(fieldErrors).length === 0 && (
                <FormError message={errorMessageOf(create.error, t)} />
              )}
              <Group justify="flex-end">
                <Button variant="default" component={Link} to={`/meetings?fair=${fair.id}`}>
                  {t('actions.back')}
                </Button>
                <Button
                  type="submit"
                  color="cham"
                  leftSection={<IconSend size={16} />}
                  loading={create.isPending}
                  disabled={!target}
                  data-testid="send-request"
                >
                  {t('request.send')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </>
  );
}
