import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DEFAULT_LANGUAGE, ErrorCode, type Me, type SessionInfo } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { hashPassword, verifyPassword } from '../../common/passwords';
import { RateLimitService, type LimitRule } from '../../common/rate-limit.service';
import type { AuthUser } from '../../common/request-context';
import { CompaniesService, type Company } from '../companies';
import { MailService } from '../mail';
import { User } from '../users';
import { assertStrongPassword, emailTaken, isEmailUniqueViolation, normalizeEmail } from './account-rules';
import type { ClientContext } from './client-info';
import { assertConsent, recordConsent } from './consent';
import type { ForgotPasswordDto } from './dto/forgot-password.dto';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import type { ResetPasswordDto } from './dto/reset-password.dto';
import type { TokenDto } from './dto/token.dto';
import type { UpdateMeDto } from './dto/update-me.dto';
import { SessionService, type IssuedSession } from './session.service';
import { hashToken, isTokenShape, newToken } from './tokens';
import { UserToken, type UserTokenPurpose } from './user-token.entity';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
export const VERIFY_EMAIL_HOURS = 48;
export const RESET_PASSWORD_MINUTES = 60;

/** Rate-limit counter names; each is its own key space. */
export const LIMITS = {
  loginAccount: 'login-account',
  loginIp: 'login-ip',
  registerIp: 'register-ip',
  refreshIp: 'refresh-ip',
  forgotIp: 'forgot-ip',
  forgotAccount: 'forgot-account',
  resetIp: 'reset-ip',
  verifyResend: 'verify-resend',
} as const;

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger('Auth');
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly companies: CompaniesService,
    private readonly mail: MailService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // Hashed ahead, so even the first sign-in with an unknown e-mail costs one verification, not a hash too.
    void this.dummy();
  }

  /** Account and pending company in one transaction; organizers are told and the address is checked after commit. */
  async register(dto: RegisterDto, client: ClientContext): Promise<IssuedSession> {
    await this.limits.consume(
      LIMITS.registerIp,
      client.ip,
      this.perHour(this.config.rateLimits.registerPerIp),
    );
    assertConsent(dto.acceptPrivacy);
    const email = normalizeEmail(dto.email);
    const fullName = dto.fullName.trim();
    assertStrongPassword(dto.password, email, fullName);
    const passwordHash = await hashPassword(dto.password);
    const locale = dto.locale ?? client.language ?? DEFAULT_LANGUAGE;

    let created: {
      user: User;
      company: Company;
      verifyToken: string;
      refresh: { token: string; familyId: string };
    };
    try {
      created = await this.dataSource.transaction(async (manager) => {
        if (await this.emailExists(manager, email)) throw emailTaken();
        const user = await manager.save(
          User,
          manager.create(User, {
            email,
            passwordHash,
            fullName,
            role: dto.companyKind,
            locale,
            emailVerifiedAt: null,
          }),
        );
        await recordConsent(manager, user.id, client, this.clock.now());
        const company = await this.companies.register(
          manager,
          { kind: dto.companyKind, name: dto.companyName, countryCode: dto.countryCode ?? null },
          user.id,
        );
        const verifyToken = await this.createUserToken(
          manager,
          user.id,
          'verify_email',
          VERIFY_EMAIL_HOURS * HOUR,
        );
        const refresh = await this.sessions.start(manager, user.id, client);
        return { user, company, verifyToken, refresh };
      });
    } catch (error) {
      if (isEmailUniqueViolation(error)) throw emailTaken();
      throw error;
    }

    // The account exists now: a failing side effect is logged, not turned into a failed sign-up.
    await this.afterCommit('announce registration', () =>
      this.companies.announceRegistration(created.company),
    );
    await this.afterCommit('send verification', () =>
      this.sendVerification(created.user, created.verifyToken),
    );
    return this.sessions.issue(created.user.id, created.refresh);
  }

  /** Wrong e-mail and wrong password are indistinguishable, in body and (roughly) in time. */
  async login(dto: LoginDto, client: ClientContext): Promise<IssuedSession> {
    const email = normalizeEmail(dto.email);
    await this.limits.consume(LIMITS.loginIp, client.ip, this.loginIpRule());
    await this.limits.consume(LIMITS.loginAccount, email, this.loginAccountRule());
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email AND u.deleted_at IS NULL', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? (await this.dummy()), dto.password);
    if (!user || !valid) throw DomainError.unauthenticated(ErrorCode.INVALID_CREDENTIALS);
    await this.limits.reset(LIMITS.loginAccount, email, this.loginAccountRule());
    const refresh = await this.sessions.start(this.dataSource.manager, user.id, client);
    return this.sessions.issue(user.id, refresh);
  }

  async refresh(raw: string | null, client: ClientContext): Promise<IssuedSession> {
    await this.limits.consume(LIMITS.refreshIp, client.ip, {
      points: this.config.rateLimits.refreshPerIp,
      duration: MINUTE,
    });
    return this.sessions.rotate(raw, client);
  }

  logout(raw: string | null): Promise<void> {
    return this.sessions.end(raw);
  }

  sessionList(auth: AuthUser): Promise<SessionInfo[]> {
    return this.sessions.list(auth.id, auth.sessionId);
  }

  revokeSession(auth: AuthUser, familyId: string): Promise<void> {
    return this.sessions.revokeOwn(auth.id, familyId);
  }

  revokeOtherSessions(auth: AuthUser): Promise<void> {
    return this.sessions.revokeOthers(auth.id, auth.sessionId);
  }

  me(auth: AuthUser): Promise<Me> {
    return this.sessions.me(auth.id);
  }

  async updateMe(auth: AuthUser, dto: UpdateMeDto): Promise<Me> {
    const patch: Partial<Pick<User, 'fullName' | 'locale'>> = {};
    if (dto.fullName !== undefined) patch.fullName = dto.fullName.trim();
    if (dto.locale !== undefined) patch.locale = dto.locale;
    if (Object.keys(patch).length > 0)
      // A deleted account's tombstone never takes a name again (an access token outlives it by minutes).
      await this.dataSource.getRepository(User).update({ id: auth.id, deletedAt: IsNull() }, patch);
    return this.sessions.me(auth.id);
  }

  async verifyEmail(dto: TokenDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await this.useUserToken(manager, dto.token, 'verify_email');
      await manager
        .createQueryBuilder()
        .update(User)
        .set({ emailVerifiedAt: this.clock.now() })
        .where('id = :id AND email_verified_at IS NULL', { id: token.userId })
        .execute();
    });
  }

  async resendVerification(auth: AuthUser): Promise<void> {
    await this.limits.consume(LIMITS.verifyResend, auth.id, this.perHour(this.config.rateLimits.resetPerIp));
    const user = await this.dataSource.getRepository(User).findOneBy({ id: auth.id });
    if (!user) throw DomainError.unauthenticated();
    if (user.emailVerifiedAt) return;
    const token = await this.createUserToken(
      this.dataSource.manager,
      user.id,
      'verify_email',
      VERIFY_EMAIL_HOURS * HOUR,
    );
    await this.sendVerification(user, token);
  }

  /** Always succeeds, whether or not the account exists; only the per-IP limit is visible. */
  async forgotPassword(dto: ForgotPasswordDto, client: ClientContext): Promise<void> {
    const rule = this.perHour(this.config.rateLimits.resetPerIp);
    await this.limits.consume(LIMITS.forgotIp, client.ip, rule);
    const email = normalizeEmail(dto.email);
    try {
      // Per account, silently: stops mail-bombing one inbox without telling whether it exists.
      await this.limits.consume(LIMITS.forgotAccount, email, rule);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.RATE_LIMITED) return;
      throw error;
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email AND u.deleted_at IS NULL', { email })
      .getOne();
    if (!user) return;
    const token = await this.createUserToken(
      this.dataSource.manager,
      user.id,
      'reset_password',
      RESET_PASSWORD_MINUTES * MINUTE,
    );
    await this.mail.send({
      to: user.email,
      locale: user.locale,
      template: 'resetPassword',
      params: {
        name: user.fullName,
        link: `${this.config.publicUrl}/reset-password?token=${token}`,
        minutes: RESET_PASSWORD_MINUTES,
      },
    });
  }

  /** New password, token spent, and every session of the account ended, all or nothing. */
  async resetPassword(dto: ResetPasswordDto, client: ClientContext): Promise<void> {
    await this.limits.consume(LIMITS.resetIp, client.ip, this.perHour(this.config.rateLimits.resetPerIp));
    const { email, ended } = await this.dataSource.transaction(async (manager) => {
      const token = await this.useUserToken(manager, dto.token, 'reset_password');
      const user = await manager.findOneByOrFail(User, { id: token.userId });
      assertStrongPassword(dto.password, user.email, user.fullName);
      const passwordHash = await hashPassword(dto.password);
      // Following the link proved the address too.
      await manager.update(
        User,
        { id: user.id },
        { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? this.clock.now() },
      );
      const ended = await this.sessions.revokeAll(manager, user.id);
      return { email: normalizeEmail(user.email), ended };
    });
    // Their access tokens too, at once (every other instance hears of it from the database).
    this.sessions.revoked(ended);
    await this.limits.reset(LIMITS.loginAccount, email, this.loginAccountRule());
  }

  private async sendVerification(user: User, token: string): Promise<void> {
    await this.mail.send({
      to: user.email,
      locale: user.locale,
      template: 'verifyEmail',
      params: {
        name: user.fullName,
        link: `${this.config.publicUrl}/verify-email?token=${token}`,
        hours: VERIFY_EMAIL_HOURS,
      },
    });
  }

  private async emailExists(manager: EntityManager, email: string): Promise<boolean> {
    return manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email })
      .getExists();
  }

  private async createUserToken(
    manager: EntityManager,
    userId: string,
    purpose: UserTokenPurpose,
    ttlSeconds: number,
  ): Promise<string> {
    const token = newToken();
    const now = this.clock.now();
    await manager.insert(UserToken, {
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
      usedAt: null,
      createdAt: now,
    });
    return token;
  }

  /** Locks the token row and spends it; the caller's transaction decides whether the spending sticks. */
  private async useUserToken(
    manager: EntityManager,
    raw: string,
    purpose: UserTokenPurpose,
  ): Promise<UserToken> {
    if (!isTokenShape(raw)) throw new DomainError(ErrorCode.TOKEN_INVALID, 400);
    const token = await manager.findOne(UserToken, {
      where: { tokenHash: hashToken(raw), purpose },
      lock: { mode: 'pessimistic_write' },
    });
    if (!token) throw new DomainError(ErrorCode.TOKEN_INVALID, 400);
    if (token.usedAt) throw new DomainError(ErrorCode.TOKEN_USED, 400);
    const now = this.clock.now();
    if (token.expiresAt.getTime() <= now.getTime()) throw new DomainError(ErrorCode.TOKEN_EXPIRED, 400);
    await manager.update(UserToken, { id: token.id }, { usedAt: now });
    return token;
  }

  private async afterCommit(what: string, effect: () => Promise<void>): Promise<void> {
    try {
      await effect();
    } catch (error) {
      this.logger.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Verifying against a throwaway hash when the account does not exist keeps both paths equally slow. */
  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(newToken());
    return this.dummyHash;
  }

  private loginAccountRule(): LimitRule {
    const points = this.config.rateLimits.loginPerAccount;
    return { points, duration: 15 * MINUTE, blockDuration: 15 * MINUTE };
  }

  private loginIpRule(): LimitRule {
    return { points: this.config.rateLimits.loginPerIp, duration: 15 * MINUTE, blockDuration: 15 * MINUTE };
  }

  private perHour(points: number): LimitRule {
    return { points, duration: HOUR };
  }
}
