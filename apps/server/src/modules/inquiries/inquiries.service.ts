import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  countryName,
  isLanguage,
  PUBLIC_LANGUAGES,
  productPagePath,
  type CreateInquiryResponse,
  type InquiryDetail,
  type InquiryPage,
  type InquiryReply,
  type InquirySummary,
  type Language,
} from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import { RateLimitService, type LimitRule } from '../../common/rate-limit.service';
import type { AuthUser } from '../../common/request-context';
import { CompaniesService } from '../companies';
import { MailService } from '../mail';
import { NotificationsService } from '../notifications';
import type { CreateInquiryDto } from './dto/create-inquiry.dto';
import type { ListInquiriesDto } from './dto/list-inquiries.dto';
import type { ReplyInquiryDto } from './dto/reply-inquiry.dto';

/** A fair hall shares one address among many visitors, so the per-IP limit is the looser one. */
export const INQUIRY_LIMITS: Record<'ip' | 'email', LimitRule> = {
  ip: { points: 20, duration: 3600 },
  email: { points: 5, duration: 3600 },
};

export interface InquiryClient {
  ip: string;
  acceptLanguage: string | undefined;
}

interface InquiryRow {
  id: string;
  company_id: string;
  name: string;
  company_name: string | null;
  country_code: string | null;
  email: string;
  message: string;
  locale: string;
  status: InquirySummary['status'];
  created_at: Date;
  product_id: string | null;
  product_slug: string | null;
  product_name_vi: string | null;
  product_name_en: string | null;
  reply_count: number;
}

const INQUIRY_SELECT = `
  SELECT i.id, i.company_id, i.name, i.company_name, i.country_code, i.email, i.message, i.locale, i.status,
         i.created_at, p.id AS product_id, p.slug AS product_slug, p.name_vi AS product_name_vi,
         p.name_en AS product_name_en,
         (SELECT count(*)::int FROM inquiry_replies r WHERE r.inquiry_id = i.id) AS reply_count
    FROM inquiries i LEFT JOIN products p ON p.id = i.product_id`;

/** The public page's language from Accept-Language, among the six public languages. */
export function publicLanguageOf(header: string | undefined): string {
  for (const part of (header ?? '').split(',')) {
    const base = part.trim().split(';')[0].split('-')[0].toLowerCase();
    if ((PUBLIC_LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return 'en';
}

/** E-mails exist in Vietnamese and English; every other public language reads English. */
const mailLanguage = (locale: string): Language => (isLanguage(locale) ? locale : 'en');

@Injectable()
export class InquiriesService {
  private readonly logger = new Logger('Inquiries');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly companies: CompaniesService,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
  ) {}

  /** A visitor asks about a published product: stored, then the exhibitor's members are told. */
  async create(slug: string, dto: CreateInquiryDto, client: InquiryClient): Promise<CreateInquiryResponse> {
    await this.limits.consume('inquiry.ip', client.ip, INQUIRY_LIMITS.ip);
    await this.limits.consume('inquiry.email', dto.email, INQUIRY_LIMITS.email);
    const [product] = await this.dataSource.query(
      `SELECT p.id, p.slug, p.name_vi, p.name_en, p.company_id
         FROM products p JOIN companies c ON c.id = p.company_id AND c.status = 'approved'
        WHERE p.slug = $1 AND p.status = 'published'`,
      [slug],
    );
    if (!product) throw DomainError.notFound();
    const locale = dto.locale ?? publicLanguageOf(client.acceptLanguage);
    const country = dto.country?.toUpperCase() ?? null;

    const { id, notes, members } = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO inquiries (company_id, product_id, name, company_name, country_code, email, message, locale, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          product.company_id,
          product.id,
          dto.name,
          dto.company || null,
          country,
          dto.email,
          dto.message,
          locale,
          this.clock.now(),
        ],
      );
      const memberRows: { id: string; email: string; locale: string }[] = await manager.query(
        `SELECT u.id, u.email, u.locale FROM company_memberships m JOIN users u ON u.id = m.user_id
          WHERE m.company_id = $1`,
        [product.company_id],
      );
      const created = await this.notifications.create(
        manager,
        memberRows.map((m) => m.id),
        'inquiry.received',
        {
          inquiryId: row.id,
          inquirerName: dto.name,
          country: country ?? '—',
          productName: product.name_vi,
          productSlug: product.slug,
        },
      );
      return { id: row.id as string, notes: created, members: memberRows };
    });
    this.notifications.push(notes);

    for (const member of members) {
      const lng = mailLanguage(member.locale);
      const from =
        [dto.company, country ? countryName(country, lng) : null].filter(Boolean).join(', ') || dto.email;
      await this.mail
        .send({
          to: member.email,
          locale: lng,
          template: 'inquiryReceived',
          params: {
            name: dto.name,
            from,
            product: lng === 'vi' ? product.name_vi : product.name_en,
            message: dto.message,
            link: `${this.config.publicUrl}/inquiries/${id}`,
          },
        })
        .catch((error: Error) =>
          this.logger.warn(`inquiry mail to ${member.email} failed: ${error.message}`),
        );
    }
    return { id };
  }

  async list(auth: AuthUser, query: ListInquiriesDto): Promise<InquiryPage> {
    const companyId = await this.companyOf(auth);
    const params = pageParams(query);
    const values: unknown[] = [companyId];
    let where = `i.company_id = $1`;
    if (query.status) {
      values.push(query.status);
      where += ` AND i.status = $2`;
    }
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM inquiries i WHERE ${where}`,
      values,
    );
    const rows: InquiryRow[] = await this.dataSource.query(
      `${INQUIRY_SELECT} WHERE ${where} ORDER BY i.created_at DESC, i.id DESC
        LIMIT ${params.pageSize} OFFSET ${(params.page - 1) * params.pageSize}`,
      values,
    );
    return pageOf(rows.map(toSummary), total, params);
  }

  async get(auth: AuthUser, id: string): Promise<InquiryDetail> {
    const companyId = await this.companyOf(auth);
    return this.detail(companyId, id);
  }

  /** Answers by e-mail in the inquiry's language, optionally inviting the inquirer to register as a buyer. */
  async reply(auth: AuthUser, id: string, dto: ReplyInquiryDto): Promise<InquiryDetail> {
    const companyId = await this.companyOf(auth);
    const inquiry = await this.detail(companyId, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO inquiry_replies (inquiry_id, author_id, message, invited_to_register, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, auth.id, dto.message, dto.inviteToRegister, this.clock.now()],
      );
      await manager.query(`UPDATE inquiries SET status = 'answered' WHERE id = $1 AND status = 'new'`, [id]);
    });
    const [company] = await this.dataSource.query(`SELECT name FROM companies WHERE id = $1`, [companyId]);
    const lng = mailLanguage(inquiry.locale);
    const productName = inquiry.product
      ? lng === 'vi'
        ? inquiry.product.nameVi
        : inquiry.product.nameEn
      : '—';
    const link = dto.inviteToRegister
      ? `${this.config.publicUrl}/register?kind=buyer&email=${encodeURIComponent(inquiry.email)}`
      : inquiry.product
        ? `${this.config.publicUrl}${productPagePath(inquiry.product.slug)}`
        : `${this.config.publicUrl}/e/${companyId}`;
    await this.mail.send({
      to: inquiry.email,
      locale: lng,
      template: 'inquiryReply',
      params: {
        name: inquiry.name,
        company: company.name,
        product: productName,
        message: dto.message,
        link,
        context: dto.inviteToRegister ? 'invite' : 'answer',
      },
    });
    return this.detail(companyId, id);
  }

  /** The caller's exhibitor company; inquiries are only ever read through it. */
  private async companyOf(auth: AuthUser): Promise<string> {
    const membership = await this.companies.membershipOf(auth.id);
    if (!membership || membership.company.kind !== 'exhibitor') throw DomainError.forbidden();
    return membership.company.id;
  }

  /** Another company's inquiry is as good as absent: 404. */
  private async detail(companyId: string, id: string): Promise<InquiryDetail> {
    const [row]: InquiryRow[] = await this.dataSource.query(
      `${INQUIRY_SELECT} WHERE i.id = $1 AND i.company_id = $2`,
      [id, companyId],
    );
    if (!row) throw DomainError.notFound();
    const replies: {
      id: string;
      message: string;
      invited_to_register: boolean;
      author_name: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT r.id, r.message, r.invited_to_register, u.full_name AS author_name, r.created_at
           FROM inquiry_replies r LEFT JOIN users u ON u.id = r.author_id
          WHERE r.inquiry_id = $1 ORDER BY r.created_at, r.id`,
      [id],
    );
    const { excerpt: _excerpt, ...summary } = toSummary(row);
    void _excerpt;
    return {
      ...summary,
      message: row.message,
      replies: replies.map((r): InquiryReply => ({
        id: r.id,
        message: r.message,
        invitedToRegister: r.invited_to_register,
        authorName: r.author_name,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }
}

function toSummary(r: InquiryRow): InquirySummary {
  return {
    id: r.id,
    name: r.name,
    companyName: r.company_name,
    countryCode: r.country_code?.trim() ?? null,
    email: r.email,
    excerpt: r.message.length > 160 ? `${r.message.slice(0, 157)}…` : r.message,
    locale: r.locale,
    status: r.status,
    product: r.product_id
      ? {
          id: r.product_id,
          slug: r.product_slug as string,
          nameVi: r.product_name_vi as string,
          nameEn: r.product_name_en as string,
        }
      : null,
    replyCount: r.reply_count,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
