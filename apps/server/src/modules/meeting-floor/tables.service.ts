import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  type B2bTable,
  type MeetingPlace,
  type MeetingStatus,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { MeetingEventsService } from '../meeting-events';
import type { CreateB2bTableDto, SetMeetingPlaceDto } from './dto/meeting-floor.dto';
import { companyOf, loadMeeting, ORGANIZER_TEAM, otherSide, personOf, sideOf } from './floor-meeting';
import { withDeadlockRetry } from '../../common/deadlock-retry';

interface TableRow {
  id: string;
  fair_id: string;
  hall_id: string;
  hall_code: string;
  hall_name: string;
  code: string;
  seats: number | null;
}

const TABLE_SELECT = `
  SELECT t.id, t.fair_id, t.hall_id, h.code AS hall_code, h.name AS hall_name, t.code, t.seats
    FROM b2b_tables t JOIN halls h ON h.id = t.hall_id`;

const toTable = (r: TableRow): B2bTable => ({
  id: r.id,
  fairId: r.fair_id,
  hallId: r.hall_id,
  hallCode: r.hall_code,
  hallName: r.hall_name,
  code: r.code,
  seats: r.seats,
});

/** A place can change while a meeting is still ahead. */
const PLACE_OPEN: MeetingStatus[] = ['requested', 'accepted'];

/** B2B tables per hall, and where a meeting takes place: the exhibitor's booth, a table, or online. */
@Injectable()
export class TablesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: MeetingEventsService,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthUser, fairId: string): Promise<B2bTable[]> {
    await this.fair(auth, fairId);
    const rows: TableRow[] = await this.dataSource.query(
      `${TABLE_SELECT} WHERE t.fair_id = $1 ORDER BY h.code, t.code`,
      [fairId],
    );
    return rows.map(toTable);
  }

  async create(auth: AuthUser, fairId: string, dto: CreateB2bTableDto): Promise<B2bTable> {
    await this.fair(auth, fairId);
    const [hall] = await this.dataSource.query(`SELECT 1 FROM halls WHERE id = $1 AND fair_id = $2`, [
      dto.hallId,
      fairId,
    ]);
    if (!hall) throw DomainError.validation({ hallId: FieldErrorCode.INVALID_VALUE });
    const [row] = await this.dataSource.query(
      `INSERT INTO b2b_tables (fair_id, hall_id, code, seats) VALUES ($1, $2, $3, $4) RETURNING id`,
      [fairId, dto.hallId, dto.code, dto.seats ?? null],
    );
    return this.one(row.id as string);
  }

  /** A table any meeting refers to (even a past or cancelled one) stays: 409 TABLE_IN_USE. */
  async remove(auth: AuthUser, fairId: string, tableId: string): Promise<void> {
    await this.fair(auth, fairId);
    try {
      const [, deleted]: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM b2b_tables WHERE id = $1 AND fair_id = $2 RETURNING id`,
        [tableId, fairId],
      );
      if (deleted === 0) throw DomainError.notFound();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') {
        throw DomainError.conflict(ErrorCode.TABLE_IN_USE);
      }
      throw error;
    }
  }

  /** Both parties and the organizer's team read where a meeting takes place. */
  async place(auth: AuthUser, meetingId: string): Promise<MeetingPlace> {
    const m = await loadMeeting(this.dataSource.manager, meetingId);
    const side = sideOf(await companyOf(this.dataSource.manager, auth), m);
    if (!side && !ORGANIZER_TEAM.has(auth.role)) throw DomainError.forbidden();
    return this.placeOf(this.dataSource.manager, meetingId);
  }

  /**
   * The organizer puts a meeting at a table; either party (or the organizer) moves it online or back to
   * the booth. A table already used in that time is refused by the exclusion constraint (409 SLOT_TAKEN)
   * and nothing changes.
   */
  async setPlace(auth: AuthUser, meetingId: string, dto: SetMeetingPlaceDto): Promise<MeetingPlace> {
    const m = await loadMeeting(this.dataSource.manager, meetingId);
    const side = sideOf(await companyOf(this.dataSource.manager, auth), m);
    const organizer = auth.role === 'organizer';
    if (!side && !organizer) throw DomainError.forbidden();
    if (dto.kind === 'table' && !organizer) throw DomainError.forbidden();

    let tableId: string | null = null;
    let videoUrl: string | null = null;
    if (dto.kind === 'table') {
      if (dto.videoUrl !== undefined)
        throw DomainError.validation({ videoUrl: FieldErrorCode.INVALID_VALUE });
      if (!dto.tableId) throw DomainError.validation({ tableId: FieldErrorCode.REQUIRED });
      const [table] = await this.dataSource.query(`SELECT 1 FROM b2b_tables WHERE id = $1 AND fair_id = $2`, [
        dto.tableId,
        m.fair_id,
      ]);
      if (!table) throw DomainError.validation({ tableId: FieldErrorCode.INVALID_VALUE });
      tableId = dto.tableId;
    } else if (dto.kind === 'online') {
      if (dto.tableId !== undefined) throw DomainError.validation({ tableId: FieldErrorCode.INVALID_VALUE });
      if (!dto.videoUrl) throw DomainError.validation({ videoUrl: FieldErrorCode.REQUIRED });
      videoUrl = httpsUrl(dto.videoUrl);
      if (!videoUrl) throw DomainError.validation({ videoUrl: FieldErrorCode.HTTPS_URL_REQUIRED });
    } else if (dto.tableId !== undefined || dto.videoUrl !== undefined) {
      throw DomainError.validation({
        [dto.tableId !== undefined ? 'tableId' : 'videoUrl']: FieldErrorCode.INVALID_VALUE,
      });
    }
    if (!PLACE_OPEN.includes(m.status)) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    if (m.place_kind === dto.kind && m.table_id === tableId && m.video_url === videoUrl) {
      return this.placeOf(this.dataSource.manager, meetingId);
    }

    const now = this.clock.now();
    const { place, pending } = await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const [, updated]: [unknown[], number] = await manager.query(
          `UPDATE meetings SET place_kind = $2, table_id = $3, video_url = $4, sequence = sequence + 1, updated_at = $5
            WHERE id = $1 AND status = ANY($6::text[]) RETURNING id`,
          [meetingId, dto.kind, tableId, videoUrl, now, PLACE_OPEN],
        );
        if (updated === 0) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
        // a party tells the other side; the organizer tells both
        const notify = side ? [personOf(m, otherSide(side))] : [m.buyer_user_id, m.exhibitor_user_id];
        const pending = await this.events.record(manager, {
          meetingId,
          type: 'meeting.updated',
          notify,
          data: { place: dto.kind },
          actorId: auth.id,
        });
        return { place: await this.placeOf(manager, meetingId), pending };
      }),
    );
    await this.events.flush(pending);
    return place;
  }

  // ---- helpers

  private async one(id: string): Promise<B2bTable> {
    const [row]: TableRow[] = await this.dataSource.query(`${TABLE_SELECT} WHERE t.id = $1`, [id]);
    return toTable(row);
  }

  /** The organizer's team sees every fair; everyone else only fairs past their draft. */
  private async fair(auth: AuthUser, fairId: string): Promise<void> {
    const [fair] = await this.dataSource.query(`SELECT status FROM fairs WHERE id = $1`, [fairId]);
    if (!fair || (fair.status === 'draft' && !ORGANIZER_TEAM.has(auth.role))) throw DomainError.notFound();
  }

  private async placeOf(manager: EntityManager, meetingId: string): Promise<MeetingPlace> {
    const [r] = await manager.query(
      `SELECT m.id, m.place_kind, m.video_url, m.sequence,
              b.code AS booth_code, bh.code AS booth_hall_code, bh.name AS booth_hall_name,
              t.id AS table_id, t.code AS table_code, t.seats, th.code AS table_hall_code, th.name AS table_hall_name
         FROM meetings m
         LEFT JOIN booths b ON b.fair_id = m.fair_id AND b.company_id = m.exhibitor_company_id AND b.code IS NOT NULL
         LEFT JOIN halls bh ON bh.id = b.hall_id
         LEFT JOIN b2b_tables t ON t.id = m.table_id
         LEFT JOIN halls th ON th.id = t.hall_id
        WHERE m.id = $1`,
      [meetingId],
    );
    return {
      meetingId: r.id,
      kind: r.place_kind,
      booth: r.booth_code
        ? { code: r.booth_code, hallCode: r.booth_hall_code ?? null, hallName: r.booth_hall_name ?? null }
        : null,
      table: r.table_id
        ? {
            id: r.table_id,
            code: r.table_code,
            hallCode: r.table_hall_code,
            hallName: r.table_hall_name,
            seats: r.seats,
          }
        : null,
      videoUrl: r.video_url,
      sequence: r.sequence,
    };
  }
}

/** The normalised link when it is a plain https URL, else null. */
function httpsUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}
