import type { EntityManager } from 'typeorm';
import type { MeetingPlaceKind, MeetingStatus } from '@craftmatch/shared';

/** A scheduled meeting with everything an agenda line or a calendar event shows. */
export interface AgendaMeetingRow {
  id: string;
  fair_id: string;
  status: MeetingStatus;
  sequence: number;
  starts_at: Date | null;
  ends_at: Date | null;
  place_kind: MeetingPlaceKind;
  video_url: string | null;
  interpreter_language: string | null;
  interpreter_user_id: string | null;
  interpreter_name: string | null;
  buyer_company_id: string;
  buyer_company_name: string;
  buyer_user_id: string;
  buyer_user_name: string;
  exhibitor_company_id: string;
  exhibitor_company_name: string;
  exhibitor_user_id: string;
  exhibitor_user_name: string;
  table_id: string | null;
  table_code: string | null;
  table_hall_name: string | null;
  booth_code: string | null;
  booth_hall_name: string | null;
  fair_name_vi: string;
  fair_name_en: string;
  venue: string;
  time_zone: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `
  SELECT m.id, m.fair_id, m.status, m.sequence, lower(m.time_range) AS starts_at, upper(m.time_range) AS ends_at,
         m.place_kind, m.video_url, m.interpreter_language, m.interpreter_user_id, iu.full_name AS interpreter_name,
         m.buyer_company_id, bc.name AS buyer_company_name, m.buyer_user_id, bu.full_name AS buyer_user_name,
         m.exhibitor_company_id, ec.name AS exhibitor_company_name, m.exhibitor_user_id,
         eu.full_name AS exhibitor_user_name, m.table_id, t.code AS table_code, th.name AS table_hall_name,
         b.code AS booth_code, bh.name AS booth_hall_name, f.name_vi AS fair_name_vi, f.name_en AS fair_name_en,
         f.venue, f.time_zone, m.created_at, m.updated_at
    FROM meetings m
    JOIN fairs f ON f.id = m.fair_id
    JOIN companies bc ON bc.id = m.buyer_company_id
    JOIN companies ec ON ec.id = m.exhibitor_company_id
    JOIN users bu ON bu.id = m.buyer_user_id
    JOIN users eu ON eu.id = m.exhibitor_user_id
    LEFT JOIN users iu ON iu.id = m.interpreter_user_id
    LEFT JOIN b2b_tables t ON t.id = m.table_id
    LEFT JOIN halls th ON th.id = t.hall_id
    LEFT JOIN LATERAL (SELECT bo.code, bo.hall_id FROM booths bo
                        WHERE bo.fair_id = m.fair_id AND bo.company_id = m.exhibitor_company_id
                          AND bo.status = 'approved'
                        ORDER BY bo.created_at LIMIT 1) b ON true
    LEFT JOIN halls bh ON bh.id = b.hall_id`;

export function meetingById(manager: EntityManager, id: string): Promise<AgendaMeetingRow[]> {
  return manager.query(`${SELECT} WHERE m.id = $1`, [id]);
}

/** Scheduled meetings (a time range, any status) of one person: either attending person or the interpreter. */
export function meetingsOfPerson(
  manager: EntityManager,
  userId: string,
  fairId: string | null,
): Promise<AgendaMeetingRow[]> {
  return manager.query(
    `${SELECT}
      WHERE m.time_range IS NOT NULL AND ($2::uuid IS NULL OR m.fair_id = $2)
        AND (m.buyer_user_id = $1 OR m.exhibitor_user_id = $1 OR m.interpreter_user_id = $1)
      ORDER BY lower(m.time_range), m.id`,
    [userId, fairId],
  );
}

/** The person's part in a meeting. */
export function roleIn(row: AgendaMeetingRow, userId: string): 'buyer' | 'exhibitor' | 'interpreter' {
  if (row.buyer_user_id === userId) return 'buyer';
  if (row.exhibitor_user_id === userId) return 'exhibitor';
  return 'interpreter';
}
