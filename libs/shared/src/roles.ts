export const USER_ROLES = ['organizer', 'organizer_staff', 'interpreter', 'exhibitor', 'buyer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const COMPANY_KINDS = ['exhibitor', 'buyer'] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

export const COMPANY_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

export const MEMBERSHIP_ROLES = ['owner', 'staff'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Roles an organizer may grant by invitation (never by self-registration). */
export const STAFF_ROLES = ['organizer', 'organizer_staff', 'interpreter'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
