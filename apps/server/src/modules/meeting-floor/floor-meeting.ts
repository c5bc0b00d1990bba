import type { EntityManager } from 'typeorm';
import type { MeetingPlaceKind, MeetingStatus } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import type { Side } from './checkin-codes';

/** What the floor needs to know about a meeting. */
export interface FloorMeeting {
  id: string;
  fair_id: string;
  status: MeetingStatus;
  buyer_company_id: string;
  exhibitor_company_id: string;
  buyer_user_id: string;
  exhibitor_user_id: string;
  buyer_company_name: string;
  exhibitor_company_name: string;
  starts_at: Date | null;
  ends_at: Date | null;
  place_kind: MeetingPlaceKind;
  table_id: string | null;
  video_url: string | null;
  sequence: number;
  checked_in_at: Date | null;
  checkin_grace_minutes: number;
}

export const ORGANIZER_TEAM = new Set(['organizer', 'organizer_staff']);

export async function loadMeeting(manager: EntityManager, id: string): Promise<FloorMeeting> {
  const [row]: FloorMeeting[] = await manager.query(
    `SELECT m.id, m.fair_id, m.status, m.buyer_company_id, m.exhibitor_company_id, m.buyer_user_id,
            m.exhibitor_user_id, bc.name AS buyer_company_name, ec.name AS exhibitor_company_name,
            lower(m.time_range) AS starts_at, upper(m.time_range) AS ends_at, m.place_kind, m.table_id,
            m.video_url, m.sequence, m.checked_in_at, f.checkin_grace_minutes
       FROM meetings m
       JOIN fairs f ON f.id = m.fair_id
       JOIN companies bc ON bc.id = m.buyer_company_id
       JOIN companies ec ON ec.id = m.exhibitor_company_id
      WHERE m.id = $1`,
    [id],
  );
  if (!row) throw DomainError.notFound();
  return row;
}

/** The caller's company, read from the database (a token may be older than a membership change). */
export async function companyOf(manager: EntityManager, auth: AuthUser): Promise<string | null> {
  if (auth.role !== 'buyer' && auth.role !== 'exhibitor') return null;
  const [row] = await manager.query(`SELECT company_id FROM company_memberships WHERE user_id = $1`, [
    auth.id,
  ]);
  return (row?.company_id as string | undefined) ?? null;
}

export function sideOf(companyId: string | null, m: FloorMeeting): Side | null {
  if (!companyId) return null;
  if (companyId === m.buyer_company_id) return 'buyer';
  if (companyId === m.exhibitor_company_id) return 'exhibitor';
  return null;
}

export const otherSide = (side: Side): Side => (side === 'buyer' ? 'exhibitor' : 'buyer');

/** The attending person of a side. */
export const personOf = (m: FloorMeeting, side: Side): string =>
  side === 'buyer' ? m.buyer_user_id : m.exhibitor_user_id;

export const iso = (value: Date | string): string => new Date(value).toISOString();
