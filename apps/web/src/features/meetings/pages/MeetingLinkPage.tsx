import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import type { MeetingStatus } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useMeeting } from '../api/my-meetings';

/** Meetings that stand in the fair's agenda; the others are handled in the meetings inbox. */
const IN_AGENDA: ReadonlySet<MeetingStatus> = new Set<MeetingStatus>(['accepted', 'held', 'no_show']);

/**
 * /meetings/:id — where a meeting's e-mails link to: opens the meeting where it is shown, the fair's
 * agenda once it is confirmed, the meetings inbox otherwise. A meeting the reader may not see gets the
 * API's error (not found) in their language.
 */
export function MeetingLinkPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const meeting = useMeeting(id);
  if (meeting.isError)
    return (
      <>
        <PageHeader title={t('inbox.title')} />
        <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />
      </>
    );
  if (!meeting.data) return <ListSkeleton rows={3} />;
  const { status, fairId } = meeting.data;
  const to = IN_AGENDA.has(status) ? `/agenda/${encodeURIComponent(fairId)}` : '/meetings';
  return <Navigate to={to} replace />;
}
