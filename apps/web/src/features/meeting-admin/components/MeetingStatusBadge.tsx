import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '@craftmatch/shared';

export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = {
  requested: 'rattan',
  accepted: 'celadon',
  declined: 'gray',
  cancelled: 'gray',
  expired: 'gray',
  held: 'cham',
  no_show: 'lacquer',
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('meetingAdmin');
  return (
    <Badge color={MEETING_STATUS_COLORS[status]} variant="light" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
