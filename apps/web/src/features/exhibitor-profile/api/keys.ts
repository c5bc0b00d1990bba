/** Query keys of this feature. The profile holds certifications and workshops, so every write invalidates it. */
export const exhibitorKeys = {
  all: ['exhibitors'] as const,
  profile: (companyId: string) => ['exhibitors', companyId, 'profile'] as const,
};

export const exhibitorPath = (companyId: string) => `/exhibitors/${encodeURIComponent(companyId)}`;
