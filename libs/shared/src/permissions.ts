import type { UserRole } from './roles';

/** What each role may do. The server guard and the web UI ask the same question. */
export const PERMISSIONS = {
  'companies.review': ['organizer'],
  'companies.list': ['organizer', 'organizer_staff'],
  'staff.invite': ['organizer'],
  'company.invite': ['exhibitor', 'buyer'],
  'fairs.manage': ['organizer'],
  'fairs.read': ['organizer', 'organizer_staff'],
  'booths.apply': ['exhibitor'],
  'booths.review': ['organizer'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(role: UserRole | undefined | null, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}
