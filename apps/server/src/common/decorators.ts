import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission, UserRole } from '@craftmatch/shared';
import { DomainError } from './domain-error';
import type { AppRequest, AuthUser } from './request-context';

export const IS_PUBLIC = 'craftmatch:public';
export const ROLES = 'craftmatch:roles';
export const PERMISSION = 'craftmatch:permission';

/** No sign-in needed. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only these roles may call the route. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);
/** Only roles holding this shared permission may call the route. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION, permission);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<AppRequest>();
  if (!request.user) throw DomainError.unauthenticated();
  return request.user;
});
