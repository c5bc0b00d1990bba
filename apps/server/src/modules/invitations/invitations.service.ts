import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  type Invitation as InvitationView,
  type InvitationPreview,
  type Language,
  type UserRole,
} from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { I18nService } from '../../common/i18n.service';
import { hashPassword } from '../../common/passwords';
import { RateLimitService } from '../../common/rate-limit.service';
import type { AuthUser } from '../../common/request-context';
import {
  SessionService,
  assertStrongPassword,
  emailTaken,
  hashToken,
  isEmailUniqueViolation,
  isTokenShape,
  newToken,
  normalizeEmail,
  recordConsent,
  assertConsent,
  type ClientContext,
  type IssuedSession,
  type NewRefreshToken,
} from '../auth';
import { CompaniesService, Company } from '../companies';
import { MailService } from '../mail';
import { NotificationsService, type Notification } from '../notifications';
import { User } from '../users';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';
import type { InviteMemberDto } from './dto/invite-member.dto';
import type { InviteStaffDto } from './dto/invite-staff.dto';
import { Invitation, type InvitationRole } from './invitation.entity';

export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export function toInvitationView(row: Invitation): InvitationView {
  return {
    id: row.id,
    email: row.email,
    companyId: row.companyId,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt ? row.acceptedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Invitations: company members bring in colleagues; the organizer brings in staff and interpreters.
 * The link's token is the proof of the address, so an accepted invitation yields a verified account.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly companies: CompaniesService,
    private readonly sessions: SessionService,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly i18n: I18nService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
  ) {}

  async inviteMember(auth: AuthUser, companyId: string, dto: InviteMemberDto): Promise<InvitationView> {
    await this.companies.assertMember(auth, companyId);
    const company = await this.dataSource.getRepository(Company).findOneByOrFail({ id: companyId });
    const inviter = await this.inviter(auth);
    const locale = dto.locale ?? inviter.locale;
    const { row, token } = await this.create({
      companyId,
      email: dto.email,
      fullName: null,
      role: 'staff',
      locale,
      invitedBy: inviter.id,
    });
    await this.mail.send({
      to: row.email,
      locale,
      template: 'invitation',
      params: {
        inviter: inviter.fullName,
        company: company.name,
        link: this.link(token),
        days: INVITATION_DAYS,
      },
    });
    return toInvitationView(row);
  }

  async listForCompany(auth: AuthUser, companyId: string): Promise<InvitationView[]> {
    await this.companies.assertMember(auth, companyId);
    const rows = await this.dataSource
      .getRepository(Invitation)
      .find({ where: { companyId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toInvitationView);
  }

  /** Organizer only (checked by the route's permission). */
  async inviteStaff(auth: AuthUser, dto: InviteStaffDto): Promise<InvitationView> {
    const inviter = await this.inviter(auth);
    const locale = dto.locale ?? inviter.locale;
    const fullName = dto.fullName?.trim() || null;
    const { row, token } = await this.create({
      companyId: null,
      email: dto.email,
      fullName,
      role: dto.role,
      locale,
      invitedBy: inviter.id,
    });
    await this.mail.send({
      to: row.email,
      locale,
      template: 'staffInvitation',
      params: {
        name: fullName ?? row.email,
        inviter: inviter.fullName,
        role: this.i18n.t(locale, `mail:roles.${dto.role}`),
        link: this.link(token),
        days: INVITATION_DAYS,
      },
    });
    return toInvitationView(row);
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.findUsable(this.dataSource.manager, token, false);
    const inviter = await this.dataSource.getRepository(User).findOneBy({ id: invitation.invitedBy });
    const company = invitation.companyId
      ? await this.dataSource.getRepository(Company).findOneBy({ id: invitation.companyId })
      : null;
    return {
      email: invitation.email,
      companyName: company?.name ?? null,
      role: invitation.role,
      inviterName: inviter?.fullName ?? '',
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Creates the account (verified), joins the company, spends the invitation: one transaction. */
  async accept(dto: AcceptInvitationDto, client: ClientContext): Promise<IssuedSession> {
    assertConsent(dto.acceptPrivacy);
    await this.limits.consume('accept-ip', client.ip, {
      points: this.config.rateLimits.registerPerIp,
      duration: 3600,
    });
    let accepted: { userId: string; refresh: NewRefreshToken; notes: Notification[] };
    try {
      accepted = await this.dataSource.transaction(async (manager) => {
        const invitation = await this.findUsable(manager, dto.token, true);
        const email = normalizeEmail(invitation.email);
        const exists = await manager
          .getRepository(User)
          .createQueryBuilder('u')
          .where('lower(u.email) = :email', { email })
          .getExists();
        if (exists) throw emailTaken();
        const fullName = dto.fullName.trim();
        assertStrongPassword(dto.password, email, fullName);

        const company = invitation.companyId
          ? await manager.findOneByOrFail(Company, { id: invitation.companyId })
          : null;
        const role: UserRole = company ? company.kind : (invitation.role as Exclude<InvitationRole, 'staff'>);
        const now = this.clock.now();
        const user = await manager.save(
          User,
          manager.create(User, {
            email,
            passwordHash: await hashPassword(dto.password),
            fullName,
            role,
            locale: dto.locale ?? invitation.locale,
            emailVerifiedAt: now,
          }),
        );
        let notes: Notification[] = [];
        if (company) {
          const colleagues = await this.companies.memberIds(company.id, manager);
          await this.companies.addMember(manager, company.id, user.id, 'staff');
          notes = await this.notifications.create(manager, colleagues, 'member.joined', {
            fullName,
            companyName: company.name,
          });
        }
        await recordConsent(manager, user.id, client, now);
        await manager.update(Invitation, { id: invitation.id }, { acceptedAt: now, acceptedBy: user.id });
        const refresh = await this.sessions.start(manager, user.id, client);
        return { userId: user.id, refresh, notes };
      });
    } catch (error) {
      if (isEmailUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    this.notifications.push(accepted.notes);
    return this.sessions.issue(accepted.userId, accepted.refresh);
  }

  private async inviter(auth: AuthUser): Promise<User> {
    const inviter = await this.dataSource.getRepository(User).findOneBy({ id: auth.id });
    if (!inviter) throw DomainError.unauthenticated();
    return inviter;
  }

  private async create(input: {
    companyId: string | null;
    email: string;
    fullName: string | null;
    role: InvitationRole;
    locale: Language;
    invitedBy: string;
  }): Promise<{ row: Invitation; token: string }> {
    const token = newToken();
    const now = this.clock.now();
    const repo = this.dataSource.getRepository(Invitation);
    const row = await repo.save(
      repo.create({
        ...input,
        email: normalizeEmail(input.email),
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
        acceptedAt: null,
        acceptedBy: null,
        createdAt: now,
      }),
    );
    return { row, token };
  }

  /** An invitation that can still be accepted; `lock` holds it until the caller's transaction ends. */
  private async findUsable(manager: EntityManager, raw: string, lock: boolean): Promise<Invitation> {
    if (!isTokenShape(raw)) throw new DomainError(ErrorCode.TOKEN_INVALID, 400);
    const invitation = await manager.findOne(Invitation, {
      where: { tokenHash: hashToken(raw) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invitation) throw new DomainError(ErrorCode.TOKEN_INVALID, 400);
    if (invitation.acceptedAt) throw new DomainError(ErrorCode.TOKEN_USED, 400);
    if (invitation.expiresAt.getTime() <= this.clock.now().getTime())
      throw new DomainError(ErrorCode.TOKEN_EXPIRED, 400);
    return invitation;
  }

  private link(token: string): string {
    return `${this.config.publicUrl}/invite/${token}`;
  }
}
