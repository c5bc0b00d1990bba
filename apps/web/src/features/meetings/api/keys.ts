/** Every meetings query key starts with 'meetings', so `meeting:changed` refreshes them all at once. */
export const meetingKeys = {
  all: ['meetings'] as const,
  fairs: ['meetings', 'fairs'] as const,
  fair: (slug: string) => ['meetings', 'fair', slug] as const,
  mine: (fairId: string) => ['meetings', 'mine', fairId] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  slots: (fairId: string) => ['meetings', 'slots', fairId] as const,
  personSlots: (fairId: string, userId: string) => ['meetings', 'person-slots', fairId, userId] as const,
  attendees: (fairId: string) => ['meetings', 'attendees', fairId] as const,
  participation: (fairId: string) => ['meetings', 'participation', fairId] as const,
};
