import type { Me, MeetingDetail, MeetingParty } from '@craftmatch/shared';
import { DEFAULT_FAIR_TIME_ZONE } from '@craftmatch/shared';
export { languageName } from '../../../lib/language-name';

export type Side = 'buyer' | 'exhibitor';
export type InboxTab = 'awaiting' | 'waiting' | 'upcoming' | 'past';
export const INBOX_TABS: InboxTab[] = ['awaiting', 'waiting', 'upcoming', 'past'];

/** The caller's side in meetings, from their company. */
export function sideOf(me: Me | undefined): Side | null {
  const kind = me?.company?.kind;
  return kind === 'buyer' || kind === 'exhibitor' ? kind : null;
}

export const otherSide = (side: Side): Side => (side === 'buyer' ? 'exhibitor' : 'buyer');

export function otherParty(meeting: MeetingDetail, side: Side): MeetingParty {
  return side === 'buyer' ? meeting.exhibitor : meeting.buyer;
}

/** Who must answer now (older servers lack `awaiting`: a pending request waits for its receiver). */
export function awaitingSide(meeting: MeetingDetail): Side | null {
  if (meeting.awaiting !== undefined) return meeting.awaiting;
  return meeting.status === 'requested' ? otherSide(meeting.requestedBy) : null;
}

/** Which inbox tab a meeting belongs to for the caller. */
export function tabOf(meeting: MeetingDetail, side: Side, now: Date): InboxTab {
  const awaiting = awaitingSide(meeting);
  if (meeting.status === 'requested') return awaiting === side ? 'awaiting' : 'waiting';
  if (meeting.status === 'accepted' && meeting.end && new Date(meeting.end) > now) {
    return meeting.reschedule && awaiting === side ? 'awaiting' : 'upcoming';
  }
  return 'past';
}

export function meetingZone(meeting: Pick<MeetingDetail, 'timeZone'>, fallback?: string | null): string {
  return meeting.timeZone || fallback || DEFAULT_FAIR_TIME_ZONE;
}

export const STATUS_COLORS: Record<MeetingDetail['status'], string> = {
  requested: 'rattan',
  accepted: 'celadon',
  declined: 'lacquer',
  cancelled: 'lacquer',
  expired: 'gray',
  held: 'cham',
  no_show: 'gray',
};
