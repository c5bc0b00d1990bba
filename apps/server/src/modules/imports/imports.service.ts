import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  IMPORT_COLUMNS,
  type ExportFormat,
  type ImportKind,
  type ImportOutcome,
  type ImportRejectReason,
  type ImportRowView,
  type ImportView,
  type Language,
  type Page,
} from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import { I18nService } from '../../common/i18n.service';
import { JobsService } from '../../common/jobs.service';
import type { AuthUser } from '../../common/request-context';
import { RealtimeService } from '../../realtime/realtime.service';
import { hashToken, newToken } from '../auth';
import { attachment, CONTENT_TYPES, tableWriter, type TableWriter } from '../exports';
import { INVITATION_DAYS } from '../invitations';
import { MailService } from '../mail';
import { parseImportFile, type ParsedRow } from './import-file';
import type { ImportRowsQueryDto } from './dto/import-query.dto';
import { checkRow, type BuyerRow, type ExhibitorRow, type Rejection } from './import-rows';

const QUEUE = 'imports.process';
const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 500;

interface ImportRecord {
  id: string;
  kind: ImportKind;
  status: ImportView['status'];
  filename: string;
  locale: Language;
  total: number;
  created: number;
  updated: number;
  rejected: number;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

function toView(r: ImportRecord): ImportView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    filename: r.filename,
    total: r.total,
    done: r.created + r.updated + r.rejected,
    created: r.created,
    updated: r.updated,
    rejected: r.rejected,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

type RowResult =
  | { outcome: 'created' | 'updated'; companyId: string; invite: Invite | null }
  | { outcome: 'rejected'; rejection: Rejection };

interface ReportRow {
  row_number: number;
  data: Record<string, string>;
  outcome: ImportOutcome | null;
  reason: string | null;
  reason_column: string | null;
}

interface Invite {
  email: string;
  token: string;
  company: string;
}

/**
 * Bulk import of exhibitor or buyer companies. The upload is read and checked whole (refused with
 * nothing written when unreadable), its rows stored, then a job upserts them one by one (by tax code
 * for exhibitors, by the contact's e-mail for buyers), invites new contacts and reports progress.
 */
@Injectable()
export class ImportsService implements OnModuleInit {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly realtime: RealtimeService,
    private readonly mail: MailService,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ importId: string }>(QUEUE, ({ importId }) => this.process(importId));
  }

  private label = (key: string, lng: Language) => this.i18n.t(lng, `exchange:columns.${key}`);

  async create(
    auth: AuthUser,
    kind: ImportKind,
    file: { buffer: Buffer; filename: string },
    language: Language,
  ): Promise<ImportView> {
    const rows = await parseImportFile(file.buffer, kind, this.label, language);
    const locale: Language = language === 'vi' ? 'vi' : 'en';
    const record = await this.dataSource.transaction(async (manager) => {
      const [created]: ImportRecord[] = await manager.query(
        `INSERT INTO imports (kind, filename, locale, total, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [kind, file.filename.slice(0, 255) || 'upload', locale, rows.length, auth.id, this.clock.now()],
      );
      await this.storeRows(manager, created.id, rows);
      return created;
    });
    await this.jobs.send(QUEUE, { importId: record.id });
    return this.get(record.id);
  }

  private async storeRows(manager: EntityManager, importId: string, rows: ParsedRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += PAGE) {
      const chunk = rows.slice(i, i + PAGE);
      await manager.query(
        `INSERT INTO import_rows (import_id, row_number, data)
         SELECT $1, r.n, r.d FROM unnest($2::int[], $3::jsonb[]) AS r(n, d)`,
        [importId, chunk.map((r) => r.rowNumber), chunk.map((r) => JSON.stringify(r.data))],
      );
    }
  }

  /** The latest imports, newest first. */
  async list(): Promise<ImportView[]> {
    const rows: ImportRecord[] = await this.dataSource.query(
      `SELECT * FROM imports ORDER BY created_at DESC, id LIMIT 50`,
    );
    return rows.map(toView);
  }

  async get(id: string): Promise<ImportView> {
    const rows: ImportRecord[] = await this.dataSource.query(`SELECT * FROM imports WHERE id = $1`, [id]);
    if (rows.length === 0) throw DomainError.notFound();
    return toView(rows[0]);
  }

  /** The job: rows not yet decided, in file order; safe to run again after a crash. */
  async process(importId: string): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count]
    const [[record]]: [ImportRecord[], number] = await this.dataSource.query(
      `UPDATE imports SET status = 'running', finished_at = NULL
       WHERE id = $1 AND status IN ('queued','running','failed') RETURNING *`,
      [importId],
    );
    if (!record) return;
    let done = record.created + record.updated + record.rejected;
    const step = Math.max(1, Math.floor(record.total / 50));
    this.progress(importId, done, record.total);
    try {
      for (;;) {
        const pending: { row_number: number; data: Record<string, string> }[] = await this.dataSource.query(
          `SELECT row_number, data FROM import_rows WHERE import_id = $1 AND outcome IS NULL
           ORDER BY row_number LIMIT $2`,
          [importId, PAGE],
        );
        if (pending.length === 0) break;
        for (const row of pending) {
          await this.processRow(record, row.row_number, row.data);
          done++;
          if (done % step === 0) this.progress(importId, done, record.total);
        }
      }
    } catch (error) {
      // Shown as failed with the rows decided so far; a retry of the job resumes from the first open row.
      await this.dataSource.query(`UPDATE imports SET status = 'failed', finished_at = $2 WHERE id = $1`, [
        importId,
        this.clock.now(),
      ]);
      this.progress(importId, done, record.total);
      throw error;
    }
    await this.dataSource.query(
      `UPDATE imports SET status = 'done', finished_at = $2 WHERE id = $1 AND status = 'running'`,
      [importId, this.clock.now()],
    );
    this.progress(importId, done, record.total);
  }

  private progress(importId: string, done: number, total: number): void {
    this.realtime.toOrganizers('import:progress', { importId, done, total });
  }

  private async processRow(record: ImportRecord, rowNumber: number, data: Record<string, string>) {
    const checked = checkRow(record.kind, data);
    const result: RowResult = await this.dataSource.transaction(async (manager) => {
      const outcome: RowResult = checked.ok
        ? record.kind === 'exhibitor'
          ? await this.upsertExhibitor(manager, record, checked.row as ExhibitorRow)
          : await this.upsertBuyer(manager, record, checked.row as BuyerRow)
        : { outcome: 'rejected', rejection: checked.rejection };
      const rejection = outcome.outcome === 'rejected' ? outcome.rejection : null;
      await manager.query(
        `UPDATE import_rows SET outcome = $3, reason = $4, reason_column = $5, company_id = $6
         WHERE import_id = $1 AND row_number = $2`,
        [
          record.id,
          rowNumber,
          outcome.outcome,
          rejection?.reason ?? null,
          rejection?.column ?? null,
          outcome.outcome === 'rejected' ? null : outcome.companyId,
        ],
      );
      // the outcome names its counter column
      const column: ImportOutcome = outcome.outcome;
      await manager.query(`UPDATE imports SET ${column} = ${column} + 1 WHERE id = $1`, [record.id]);
      return outcome;
    });
    if (result.outcome !== 'rejected' && result.invite) await this.sendInvitation(record, result.invite);
  }

  /** Upsert by tax code; the contact is invited unless they already are a member or invited. */
  private async upsertExhibitor(
    manager: EntityManager,
    record: ImportRecord,
    row: ExhibitorRow,
  ): Promise<RowResult> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:mst:${row.taxCode}`]);
    const now = this.clock.now();
    const existing: { company_id: string }[] = await manager.query(
      `SELECT company_id FROM exhibitor_profiles WHERE tax_code = $1`,
      [row.taxCode],
    );
    const companyId = existing[0]?.company_id ?? null;
    const clash = await this.contactClash(manager, row.contactEmail, companyId);
    if (clash) return { outcome: 'rejected', rejection: clash };
    let id: string;
    if (companyId) {
      id = companyId;
      await manager.query(`UPDATE companies SET name = $2, updated_at = $3 WHERE id = $1`, [
        id,
        row.companyName,
        now,
      ]);
      await manager.query(
        `UPDATE exhibitor_profiles SET province_code = $2, legal_name = coalesce($3, legal_name),
           village_code = coalesce($4, village_code), phone = coalesce($5, phone),
           address = coalesce($6, address), website = coalesce($7, website), updated_at = $8
         WHERE company_id = $1`,
        [id, row.provinceCode, row.legalName, row.villageCode, row.phone, row.address, row.website, now],
      );
    } else {
      id = await this.newCompany(manager, record, 'exhibitor', row.companyName, 'VN');
      await manager.query(
        `INSERT INTO exhibitor_profiles (company_id, tax_code, province_code, legal_name, village_code, phone,
           address, website, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          row.taxCode,
          row.provinceCode,
          row.legalName,
          row.villageCode,
          row.phone,
          row.address,
          row.website,
          now,
        ],
      );
    }
    const invite = await this.invite(manager, record, id, row.companyName, row.contactEmail, row.contactName);
    return { outcome: companyId ? 'updated' : 'created', companyId: id, invite };
  }

  /** Upsert by the contact's e-mail: a member of a buyer company, else a buyer company it was invited to. */
  private async upsertBuyer(manager: EntityManager, record: ImportRecord, row: BuyerRow): Promise<RowResult> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:email:${row.contactEmail}`]);
    const now = this.clock.now();
    const found: { company_id: string }[] = await manager.query(
      `SELECT c.id AS company_id FROM users u
         JOIN company_memberships m ON m.user_id = u.id JOIN companies c ON c.id = m.company_id AND c.kind = 'buyer'
       WHERE lower(u.email) = $1
       UNION ALL
       (SELECT i.company_id FROM invitations i JOIN companies c ON c.id = i.company_id AND c.kind = 'buyer'
        WHERE lower(i.email) = $1 ORDER BY i.created_at DESC LIMIT 1)
       LIMIT 1`,
      [row.contactEmail],
    );
    const companyId = found[0]?.company_id ?? null;
    const clash = await this.contactClash(manager, row.contactEmail, companyId);
    if (clash) return { outcome: 'rejected', rejection: clash };
    let id: string;
    if (companyId) {
      id = companyId;
      await manager.query(
        `UPDATE companies SET name = $2, country_code = $3, updated_at = $4 WHERE id = $1`,
        [id, row.companyName, row.country, now],
      );
    } else {
      id = await this.newCompany(manager, record, 'buyer', row.companyName, row.country);
    }
    await manager.query(
      `INSERT INTO buyer_profiles (company_id, country, website, categories, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (company_id) DO UPDATE SET country = EXCLUDED.country,
         website = coalesce(EXCLUDED.website, buyer_profiles.website),
         categories = CASE WHEN cardinality(EXCLUDED.categories) > 0 THEN EXCLUDED.categories
                           ELSE buyer_profiles.categories END,
         updated_at = EXCLUDED.updated_at`,
      [id, row.country, row.website, row.categories, now],
    );
    const invite = await this.invite(manager, record, id, row.companyName, row.contactEmail, row.contactName);
    return { outcome: companyId ? 'updated' : 'created', companyId: id, invite };
  }

  /** An account with this e-mail that is not a member of the company (another company's, or staff). */
  private async contactClash(
    manager: EntityManager,
    email: string,
    companyId: string | null,
  ): Promise<Rejection | null> {
    const users: { company_id: string | null }[] = await manager.query(
      `SELECT m.company_id FROM users u LEFT JOIN company_memberships m ON m.user_id = u.id
       WHERE lower(u.email) = $1`,
      [email],
    );
    if (users.length === 0) return null;
    return users[0].company_id && users[0].company_id === companyId
      ? null
      : { reason: 'emailInOtherCompany', column: 'contactEmail' };
  }

  private async newCompany(
    manager: EntityManager,
    record: ImportRecord,
    kind: ImportKind,
    name: string,
    country: string,
  ): Promise<string> {
    // Brought in by the organizer, so already reviewed.
    const now = this.clock.now();
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO companies (kind, name, status, country_code, reviewed_at, reviewed_by, created_at, updated_at)
       VALUES ($1, $2, 'approved', $3, $4, $5, $4, $4) RETURNING id`,
      [kind, name, country, now, record.created_by],
    );
    return row.id;
  }

  /** A new invitation, unless the contact is a member or holds a live invitation to this company. */
  private async invite(
    manager: EntityManager,
    record: ImportRecord,
    companyId: string,
    company: string,
    email: string,
    fullName: string,
  ): Promise<Invite | null> {
    if (!record.created_by) return null;
    const now = this.clock.now();
    const known: unknown[] = await manager.query(
      `SELECT 1 FROM company_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.company_id = $1 AND lower(u.email) = $2
       UNION ALL
       SELECT 1 FROM invitations WHERE company_id = $1 AND lower(email) = $2 AND accepted_at IS NULL AND expires_at > $3`,
      [companyId, email, now],
    );
    if (known.length > 0) return null;
    const token = newToken();
    await manager.query(
      `INSERT INTO invitations (company_id, email, full_name, role, locale, invited_by, token_hash, expires_at, created_at)
       VALUES ($1, $2, $3, 'staff', $4, $5, $6, $7, $8)`,
      [
        companyId,
        email,
        fullName,
        record.locale,
        record.created_by,
        hashToken(token),
        new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
        now,
      ],
    );
    return { email, token, company };
  }

  private async sendInvitation(record: ImportRecord, invite: Invite): Promise<void> {
    const [inviter]: { full_name: string }[] = await this.dataSource.query(
      `SELECT full_name FROM users WHERE id = $1`,
      [record.created_by],
    );
    try {
      await this.mail.send({
        to: invite.email,
        locale: record.locale,
        template: 'invitation',
        params: {
          inviter: inviter?.full_name ?? '',
          company: invite.company,
          link: `${this.config.publicUrl}/invite/${invite.token}`,
          days: INVITATION_DAYS,
        },
      });
    } catch (error) {
      // The invitation row stands; the organizer can resend it from the company's page.
      this.logger.warn(`invitation mail for import ${record.id}: ${(error as Error).message}`);
    }
  }

  /** The report's rows as JSON, in file order, a page at a time; `outcome` keeps one kind of row. */
  async rows(id: string, query: ImportRowsQueryDto, language: Language): Promise<Page<ImportRowView>> {
    await this.get(id);
    const params = pageParams(query);
    const outcome = query.outcome ?? null;
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM import_rows
        WHERE import_id = $1 AND ($2::text IS NULL OR outcome = $2)`,
      [id, outcome],
    );
    const rows = await this.dataSource.query<ReportRow[]>(
      `SELECT row_number, data, outcome, reason, reason_column FROM import_rows
        WHERE import_id = $1 AND ($2::text IS NULL OR outcome = $2)
        ORDER BY row_number LIMIT $3 OFFSET $4`,
      [id, outcome, params.pageSize, (params.page - 1) * params.pageSize],
    );
    return pageOf(
      rows.map((r) => ({
        rowNumber: r.row_number,
        outcome: r.outcome,
        reasonCode: r.reason as ImportRejectReason | null,
        reasonColumn: r.reason_column,
        reason: this.reason(r, language),
        data: r.data,
      })),
      total,
      params,
    );
  }

  /** A rejected row's reason in `language`, naming the column and the value read. */
  private reason(r: ReportRow, language: Language): string | null {
    return r.reason && r.reason_column
      ? this.i18n.t(language, `exchange:reasons.${r.reason}`, {
          value: r.data[r.reason_column] ?? '',
          column: this.label(r.reason_column, language),
        })
      : null;
  }

  // ---- downloads

  /** The per-row report: row number, outcome and reason in the caller's language, then the row as read. */
  async report(id: string, format: ExportFormat, language: Language) {
    const view = await this.get(id);
    const columns = IMPORT_COLUMNS[view.kind].map((c) => c.key);
    const t = (key: string, options: Record<string, string> = {}) => this.i18n.t(language, key, options);
    const writer = tableWriter(format, t('exchange:sheets.report'));
    void (async () => {
      await writer.row([
        t('exchange:columns.row'),
        t('exchange:columns.outcome'),
        t('exchange:columns.reason'),
        ...columns.map((c) => this.label(c, language)),
      ]);
      let after = 0;
      for (;;) {
        const rows: ReportRow[] = await this.dataSource.query(
          `SELECT row_number, data, outcome, reason, reason_column FROM import_rows
           WHERE import_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`,
          [id, after, PAGE],
        );
        for (const r of rows) {
          if (writer.closed) return;
          const reason = this.reason(r, language);
          await writer.row([
            String(r.row_number),
            r.outcome ? t(`exchange:outcomes.${r.outcome}`) : null,
            reason,
            ...columns.map((c) => r.data[c] || null),
          ]);
        }
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1].row_number;
      }
      await writer.end();
    })().catch((error: Error) => writer.stream.destroy(error));
    return this.download(writer, `import-${id.slice(0, 8)}-report`, format);
  }

  /** An empty file with the kind's headers in the caller's language. */
  async template(kind: ImportKind, format: ExportFormat, language: Language) {
    const columns = IMPORT_COLUMNS[kind];
    const writer = tableWriter(
      format,
      this.i18n.t(language, 'exchange:sheets.template'),
      columns.map((_, i) => i),
    );
    await writer.row(columns.map((c) => this.label(c.key, language)));
    void writer.end().catch((error: Error) => writer.stream.destroy(error));
    return this.download(writer, `import-${kind}s-template`, format);
  }

  private download(writer: TableWriter, name: string, format: ExportFormat) {
    return {
      contentType: CONTENT_TYPES[format],
      disposition: attachment(name, format),
      stream: writer.stream,
    };
  }
}
