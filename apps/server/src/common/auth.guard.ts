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
/** What a route asks of its caller, read from its decorators. */
interface RouteRules {
  isPublic: boolean;
  roles?: UserRole[];
  permission?: Permission;
}

@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * handler → class → its rules. Decorators are fixed once the app is built, and reading them (six
   * metadata lookups up the prototype chain) cost more than checking the token.
   */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const { isPublic, roles, permission } = this.rulesOf(context.getHandler(), context.getClass());
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

    if (roles && !roles.includes(request.user.role)) throw DomainError.forbidden();
    if (permission && !hasPermission(request.user.role, permission)) throw DomainError.forbidden();
    return true;
  }

  private rulesOf(
    handler: ReturnType<ExecutionContext['getHandler']>,
    type: ReturnType<ExecutionContext['getClass']>,
  ): RouteRules {
    let byType = this.rules.get(handler);
    if (!byType) this.rules.set(handler, (byType = new WeakMap()));
    let rules = byType.get(type);
    if (!rules) {
      const targets = [handler, type];
      rules = {
        isPublic: this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true,
        roles: this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets),
        permission: this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION, targets),
      };
      byType.set(type, rules);
    }
    return rules;
  }
}
