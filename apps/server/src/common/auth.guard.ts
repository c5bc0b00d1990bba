import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, type Permission, type UserRole } from '@craftmatch/shared';
import { AccessTokenService } from './access-token.service';
import { IS_PUBLIC, PERMISSION, ROLES } from './decorators';
import { DomainError } from './domain-error';
import type { AppRequest } from './request-context';

/**
 * Global guard: every route needs a valid access token unless marked @Public(),
 * then the route's @Roles() or @RequirePermission(), if any. Ownership is checked in services.
 * A token of a revoked session or deleted user is refused (401 SESSION_REVOKED) inside verify():
 * two in-memory Set lookups, no database query (see AccessTokenService and RevocationListener).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const token = AccessTokenService.bearer(request.headers.authorization);
    if (isPublic) {
      // A public route still knows who is calling when a valid token is sent.
      if (token) {
        try {
          request.user = this.tokens.verify(token);
        } catch {
          /* ignored on public routes */
        }
      }
      return true;
    }
    if (!token) throw DomainError.unauthenticated();
    request.user = this.tokens.verify(token);

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.user.role)) throw DomainError.forbidden();
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION, targets);
    if (permission && !hasPermission(request.user.role, permission)) throw DomainError.forbidden();
    return true;
  }
}
