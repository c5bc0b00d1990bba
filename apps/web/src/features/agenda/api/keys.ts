/** Every agenda query key starts with 'agenda', so `meeting:changed` refreshes them all at once. */
export const agendaKeys = {
  all: ['agenda'] as const,
  fairs: ['agenda', 'fairs'] as const,
  agenda: (fairId: string) => ['agenda', 'fair', fairId] as const,
  slots: (fairId: string) => ['agenda', 'slots', fairId] as const,
  availability: (fairId: string) => ['agenda', 'availability', fairId] as const,
  checkinCode: (meetingId: string) => ['agenda', 'checkin-code', meetingId] as const,
  feedToken: ['agenda', 'feed-token'] as const,
};
