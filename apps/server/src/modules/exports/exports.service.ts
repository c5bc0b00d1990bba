import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  EXPORT_COLUMNS,
  minorUnits,
  roundHalfUp,
  type ExportDataset,
  type ExportFormat,
  type Language,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { I18nService } from '../../common/i18n.service';
import type { AuthUser } from '../../common/request-context';
import { attachment, CONTENT_TYPES, tableWriter, type Cell, type TableWriter } from './tabular';

/** Rows read per query: keyset pages keep memory flat however large the table. */
const BATCH = 2000;
const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * One dataset: `from` is the main table (aliased) whose uuid `key` pages the export; `where` filters it;
 * `select` (aliases = column keys) and `joins` dress each page's rows. Parameters: $1 language, $2 time
 * zone for rows without a fair, $3 fair id or null, $4 own company id or null, $5 the last key read (the
 * nil uuid at first), $6 the page size.
 */
interface Dataset {
  from: string;
  key: string;
  where: string;
  select: string;
  joins: string;
  /** money columns → the column naming their currency: shown at the currency's minor unit */
  money?: Record<string, string>;
  /** coded columns → their labels, `exchange:values.<group>.<code>` in the caller's language */
  values?: Record<string, string>;
}

/** The page's keys first (an index range scan on the key), then the joins for those rows only. */
function pageSql(d: Dataset): string {
  return `WITH page AS MATERIALIZED (
      SELECT ${d.key} AS id FROM ${d.from} WHERE ${d.where} AND ${d.key} > $5::uuid ORDER BY ${d.key} LIMIT $6)
    SELECT ${d.key} AS "_k", ${d.select}
    FROM page JOIN ${d.from} ON ${d.key} = page.id ${d.joins}
    ORDER BY ${d.key}`;
}

const name = (vi: string, en: string) => `CASE WHEN $1 = 'vi' THEN ${vi} ELSE ${en} END`;
const at = (column: string, zone: string) => `to_char(${column} AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI')`;
const contact = `LEFT JOIN LATERAL (
    SELECT u.full_name, u.email FROM company_memberships cm JOIN users u ON u.id = cm.user_id
    WHERE cm.company_id = c.id ORDER BY (cm.role = 'owner') DESC, cm.created_at LIMIT 1) ct ON true`;
const fairName = name('f.name_vi', 'f.name_en');
/**
 * The exhibitor's tax code as the caller may see it (maskTaxCode in @craftmatch/shared): whole for the
 * organizer ($4 null) and the exhibitor itself; a household business's 12-digit code (its owner's
 * citizen ID) reduced to its last 4 digits for the other party. Reads the profile joined as `ep`.
 */
const exhibitorTaxCode = (alias: string) =>
  `CASE WHEN $4::uuid IS NULL OR $4 = ${alias}.exhibitor_company_id OR ep.tax_code !~ '^[0-9]{12}$'
     THEN ep.tax_code ELSE '********' || right(ep.tax_code, 4) END AS "exhibitorTaxCode"`;
const party = (alias: string) =>
  `($4::uuid IS NULL OR ${alias}.buyer_company_id = $4 OR ${alias}.exhibitor_company_id = $4)`;

const DATASETS: Record<ExportDataset, Dataset> = {
  exhibitors: {
    from: 'companies c',
    key: 'c.id',
    where: `c.kind = 'exhibitor' AND $4::uuid IS NULL
      AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM booths b WHERE b.company_id = c.id AND b.fair_id = $3
                                       AND b.status IN ('pending','approved')))`,
    select: `c.name AS "companyName", p.legal_name AS "legalName", p.tax_code AS "taxCode",
      ${name('pr.name_vi', 'pr.name_en')} AS "province", ${name('v.name_vi', 'v.name_ascii')} AS "village",
      c.status AS "status", ct.full_name AS "contactName", ct.email AS "contactEmail", p.phone AS "phone",
      p.website AS "website", ${at('c.created_at', '$2')} AS "createdAt"`,
    joins: `LEFT JOIN exhibitor_profiles p ON p.company_id = c.id
      LEFT JOIN provinces pr ON pr.code = p.province_code
      LEFT JOIN craft_villages v ON v.code = p.village_code
      ${contact}`,
    values: { status: 'companyStatus' },
  },
  buyers: {
    from: 'companies c',
    key: 'c.id',
    where: `c.kind = 'buyer' AND $4::uuid IS NULL
      AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM fair_participants fp WHERE fp.company_id = c.id AND fp.fair_id = $3))`,
    select: `c.name AS "companyName", coalesce(bp.country, c.country_code) AS "country",
      c.status AS "status", ct.full_name AS "contactName", ct.email AS "contactEmail", bp.website AS "website",
      (SELECT string_agg(${name('cc.name_vi', 'cc.name_en')}, '; ' ORDER BY cc.code) FROM craft_categories cc
        WHERE cc.code::text = ANY(bp.categories)) AS "categories",
      bp.annual_import_usd::text AS "annualImportUsd", ${at('c.created_at', '$2')} AS "createdAt"`,
    joins: `LEFT JOIN buyer_profiles bp ON bp.company_id = c.id
      ${contact}`,
    values: { status: 'companyStatus' },
  },
  booths: {
    from: 'booths b',
    key: 'b.id',
    where: `($3::uuid IS NULL OR b.fair_id = $3) AND $4::uuid IS NULL AND $2::text IS NOT NULL`,
    select: `${fairName} AS "fair", b.code AS "boothCode", h.name AS "hall", c.name AS "companyName",
      b.status AS "status", b.size AS "size", ${at('b.created_at', 'f.time_zone')} AS "createdAt"`,
    joins: `JOIN fairs f ON f.id = b.fair_id JOIN companies c ON c.id = b.company_id
      LEFT JOIN halls h ON h.id = b.hall_id`,
    values: { status: 'boothStatus' },
  },
  meetings: {
    from: 'meetings m',
    key: 'm.id',
    where: `($3::uuid IS NULL OR m.fair_id = $3) AND $2::text IS NOT NULL AND ${party('m')}`,
    select: `${fairName} AS "fair", m.status AS "status",
      ${at('lower(m.time_range)', 'f.time_zone')} AS "start", ${at('upper(m.time_range)', 'f.time_zone')} AS "end",
      bc.name AS "buyer", bu.full_name AS "buyerPerson", ec.name AS "exhibitor", ${exhibitorTaxCode('m')},
      eu.full_name AS "exhibitorPerson",
      m.place_kind AS "place", m.interpreter_language AS "interpreterLanguage",
      ${at('m.created_at', 'f.time_zone')} AS "createdAt"`,
    joins: `JOIN fairs f ON f.id = m.fair_id
      JOIN companies bc ON bc.id = m.buyer_company_id JOIN companies ec ON ec.id = m.exhibitor_company_id
      JOIN users bu ON bu.id = m.buyer_user_id JOIN users eu ON eu.id = m.exhibitor_user_id
      LEFT JOIN exhibitor_profiles ep ON ep.company_id = m.exhibitor_company_id`,
    values: { status: 'meetingStatus', place: 'place' },
  },
  samples: {
    from: 'samples s',
    key: 's.id',
    where: `($3::uuid IS NULL OR s.fair_id = $3) AND $2::text IS NOT NULL AND ${party('s')}`,
    select: `${fairName} AS "fair", s.status AS "status", bc.name AS "buyer", ec.name AS "exhibitor",
      (SELECT string_agg(i.description || ' × ' || i.quantity, '; ' ORDER BY i.position)
        FROM sample_items i WHERE i.sample_id = s.id) AS "items",
      s.courier AS "courier", s.tracking_number AS "trackingNumber", s.cost::text AS "cost", s.currency AS "currency",
      ${at('s.created_at', 'f.time_zone')} AS "createdAt", ${at('s.updated_at', 'f.time_zone')} AS "updatedAt"`,
    joins: `JOIN fairs f ON f.id = s.fair_id
      JOIN companies bc ON bc.id = s.buyer_company_id JOIN companies ec ON ec.id = s.exhibitor_company_id`,
    money: { cost: 'currency' },
    values: { status: 'sampleStatus' },
  },
  contracts: {
    from: 'contracts k',
    key: 'k.id',
    where: `($3::uuid IS NULL OR k.fair_id = $3) AND $2::text IS NOT NULL AND ${party('k')}`,
    select: `k.number AS "number", ${fairName} AS "fair", k.signed_on::text AS "signedOn",
      k.kind AS "kind", k.status AS "status", bc.name AS "buyer", ec.name AS "exhibitor", ${exhibitorTaxCode('k')},
      k.currency AS "currency",
      k.total::text AS "total", k.fx_rate::text AS "fxRate", k.fx_date::text AS "fxDate",
      k.total_usd::text AS "totalUsd", k.incoterm AS "incoterm", k.incoterm_place AS "incotermPlace",
      k.payment_terms AS "paymentTerms", k.deposit_percent::text AS "depositPercent",
      ${at('k.created_at', 'f.time_zone')} AS "createdAt", ${at('k.confirmed_at', 'f.time_zone')} AS "confirmedAt"`,
    joins: `JOIN fairs f ON f.id = k.fair_id
      JOIN companies bc ON bc.id = k.buyer_company_id JOIN companies ec ON ec.id = k.exhibitor_company_id
      LEFT JOIN exhibitor_profiles ep ON ep.company_id = k.exhibitor_company_id`,
    money: { total: 'currency' },
    values: { status: 'contractStatus', kind: 'contractKind', paymentTerms: 'paymentTerms' },
  },
};

export interface ExportRequest {
  dataset: ExportDataset;
  format: ExportFormat;
  language: Language;
  fairId?: string;
  /** set for a company's own export: only rows where it is a party */
  companyId?: string;
}

export interface ExportStream {
  contentType: string;
  disposition: string;
  stream: NodeJS.ReadableStream;
}

/** CSV and XLSX exports, streamed from keyset pages: 100k rows never sit in memory at once. */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  /** A company's own meetings or contracts: exhibitors and buyers only, for their own company. */
  async mine(auth: AuthUser, request: Omit<ExportRequest, 'companyId'>): Promise<ExportStream> {
    if (!auth.companyId) throw DomainError.forbidden();
    return this.open({ ...request, companyId: auth.companyId });
  }

  async open(request: ExportRequest): Promise<ExportStream> {
    const zone = await this.zone(request.fairId);
    const columns = EXPORT_COLUMNS[request.dataset] as readonly string[];
    const dataset = DATASETS[request.dataset];
    const sheet = this.i18n.t(request.language, `exchange:sheets.${request.dataset}`);
    // Every value is written as a string cell: exact money, tax codes keep their leading zeros.
    const writer = tableWriter(request.format, sheet);
    // Produce in the background; the reply reads the stream as it fills.
    void this.produce(writer, request, zone, columns, dataset).catch((error: Error) => {
      this.logger.error(`${request.dataset} export failed: ${error.message}`);
      writer.stream.destroy(error);
    });
    return {
      contentType: CONTENT_TYPES[request.format],
      disposition: attachment(
        `${request.dataset}-${this.clock.now().toISOString().slice(0, 10)}`,
        request.format,
      ),
      stream: writer.stream,
    };
  }

  private async zone(fairId: string | undefined): Promise<string> {
    if (!fairId) return DEFAULT_ZONE;
    const rows: { time_zone: string }[] = await this.dataSource.query(
      `SELECT time_zone FROM fairs WHERE id = $1`,
      [fairId],
    );
    if (rows.length === 0) throw DomainError.notFound();
    return rows[0].time_zone;
  }

  private async produce(
    writer: TableWriter,
    request: ExportRequest,
    zone: string,
    columns: readonly string[],
    dataset: Dataset,
  ): Promise<void> {
    await writer.row(columns.map((c) => this.i18n.t(request.language, `exchange:columns.${c}`)));
    const sql = pageSql(dataset);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Record<string, string | null>[] = await this.dataSource.query(sql, [
        request.language,
        zone,
        request.fairId ?? null,
        request.companyId ?? null,
        after,
        BATCH,
      ]);
      for (const row of rows) {
        if (writer.closed) return;
        await writer.row(columns.map((c) => this.cell(row, c, dataset, request.language)));
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]._k as string;
    }
    await writer.end();
  }

  private cell(
    row: Record<string, string | null>,
    column: string,
    dataset: Dataset,
    language: Language,
  ): Cell {
    const value = row[column];
    if (value === null || value === undefined) return null;
    const currencyColumn = dataset.money?.[column];
    const currency = currencyColumn ? row[currencyColumn] : null;
    // Stored with 4 decimals, already rounded: shown at the currency's own minor unit, exactly.
    if (currency) return roundHalfUp(value, minorUnits(currency));
    const group = dataset.values?.[column];
    if (group) return this.i18n.t(language, `exchange:values.${group}.${value}`, { defaultValue: value });
    return String(value);
  }
}
