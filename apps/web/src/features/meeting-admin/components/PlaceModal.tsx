import { useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  MEETING_PLACE_KINDS,
  MEETING_VIDEO_URL_MAX,
  type FairMeetingRow,
  type MeetingPlaceKind,
} from '@craftmatch/shared';
import { ErrorState, FormError, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';
import { useSetMeetingPlace } from '../api/meeting-place';
import { useTables } from '../api/tables';

interface PlaceModalProps {
  fairId: string;
  meeting: FairMeetingRow | null;
  onClose: () => void;
}

/** The organizer seats a meeting at a B2B table, moves it online, or back to the exhibitor's booth. */
export function PlaceModal({ fairId, meeting, onClose }: PlaceModalProps) {
  const { t } = useTranslation(['meetingAdmin', 'errors']);
  return (
    <Modal
      opened={meeting !== null}
      onClose={onClose}
      title={
        meeting
          ? t('place.title', { buyer: meeting.buyer.companyName, exhibitor: meeting.exhibitor.companyName })
          : ''
      }
      centered
    >
      {meeting && <PlaceForm key={meeting.id} fairId={fairId} meeting={meeting} onClose={onClose} />}
    </Modal>
  );
}

function PlaceForm({
  fairId,
  meeting,
  onClose,
}: {
  fairId: string;
  meeting: FairMeetingRow;
  onClose: () => void;
}) {
  const { t } = useTranslation(['meetingAdmin', 'errors']);
  const tables = useTables(fairId);
  const save = useSetMeetingPlace(fairId);
  const [kind, setKind] = useState<MeetingPlaceKind>(meeting.place);
  const [tableId, setTableId] = useState<string | null>(null);
  const [videoUrl, setVideoUrl] = useState(meeting.videoUrl ?? '');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const groups = new Map<string, { value: string; label: string }[]>();
  for (const table of tables.data ?? []) {
    const group = t('tables.hall', { code: table.hallCode, name: table.hallName });
    const seats = table.seats ? ` · ${t('tables.seatsCount', { count: table.seats })}` : '';
    groups.set(group, [...(groups.get(group) ?? []), { value: table.id, label: `${table.code}${seats}` }]);
  }
  const current = tables.data?.find((table) => table.code === meeting.tableCode)?.id ?? null;
  const chosenTable = tableId ?? current;

  const submit = () => {
    setFormError(null);
    setFieldErrors({});
    if (kind === 'table' && !chosenTable) {
      setFieldErrors({ tableId: t('errors:field.REQUIRED') });
      return;
    }
    if (kind === 'online' && !videoUrl.trim()) {
      setFieldErrors({ videoUrl: t('errors:field.REQUIRED') });
      return;
    }
    const body =
      kind === 'table'
        ? { kind, tableId: chosenTable! }
        : kind === 'online'
          ? { kind, videoUrl: videoUrl.trim() }
          : { kind };
    save.mutate(
      { meetingId: meeting.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'celadon', message: t('place.saved') });
          onClose();
        },
        onError: (error) => {
          const fields = fieldErrorsOf(error, t);
          setFieldErrors(fields);
          if (Object.keys(fields).length === 0) setFormError(errorMessageOf(error, t));
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={(v) => setKind(v as MeetingPlaceKind)}
        data={MEETING_PLACE_KINDS.map((k) => ({ value: k, label: t(`place.kinds.${k}`) }))}
      />
      {kind === 'booth' && (
        <Text fz="sm" c="dimmed">
          {meeting.boothCode ? t('place.booth', { code: meeting.boothCode }) : t('place.boothUnknown')}
        </Text>
      )}
      {kind === 'table' &&
        (tables.isPending ? (
          <ListSkeleton rows={1} height={36} />
        ) : tables.isError ? (
          <ErrorState error={tables.error} onRetry={() => void tables.refetch()} />
        ) : (tables.data ?? []).length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('place.noTables')}
          </Text>
        ) : (
          <Select
            label={t('place.tableLabel')}
            data={[...groups.entries()].map(([group, items]) => ({ group, items }))}
            value={chosenTable}
            onChange={setTableId}
            searchable
            error={fieldErrors.tableId}
          />
        ))}
      {kind === 'online' && (
        <TextInput
          label={t('place.videoUrl')}
          placeholder="https://meet.example.com/…"
          type="url"
          maxLength={MEETING_VIDEO_URL_MAX}
          value={videoUrl}
          onChange={(e) => setVideoUrl(e.currentTarget.value)}
          error={fieldErrors.videoUrl}
        />
      )}
      <FormError message={formError} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel')}
        </Button>
        <Button onClick={submit} loading={save.isPending} data-testid="save-place">
          {t('place.save')}
        </Button>
      </Group>
    </Stack>
  );
}
