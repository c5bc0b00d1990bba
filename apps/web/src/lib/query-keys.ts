import type { ListCompaniesQuery } from '@craftmatch/shared';

/**
 * Query keys used by more than one place (features, the realtime bridge, the session).
 * Kept here so no feature has to import another to invalidate its data.
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  companies: ['companies'] as const,
  company: (id: string) => ['companies', 'detail', id] as const,
  companyMembers: (id: string) => ['companies', 'detail', id, 'members'] as const,
  companyInvitations: (id: string) => ['companies', 'detail', id, 'invitations'] as const,
  companyList: (query: ListCompaniesQuery) => ['companies', 'list', query] as const,
  companyLists: ['companies', 'list'] as const,
  notifications: ['notifications'] as const,
  /** the inquiries inbox (features/inquiries keys start with it) */
  inquiries: ['inquiries'] as const,
  /** meetings inbox, requests and slots (features/meetings keys start with it) */
  meetings: ['meetings'] as const,
  /** agendas, check-in codes, availability (features/agenda keys start with it) */
  agenda: ['agenda'] as const,
  /** samples, contracts and pipeline of the caller's company (features/deals keys start with it) */
  deals: ['deals'] as const,
  notificationPage: (page: number, pageSize: number) => ['notifications', 'page', page, pageSize] as const,
  invitationPreview: (token: string) => ['invitations', 'preview', token] as const,
  /** the organizer's meeting desk (features/meeting-admin keys start with it) */
  meetingAdmin: ['meeting-admin'] as const,
  /** the organizer's results dashboard (features/dashboard keys start with it) */
  dashboard: ['dashboard'] as const,
};
