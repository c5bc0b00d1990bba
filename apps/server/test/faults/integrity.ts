// What the database must hold after a fault: every acknowledged write, whole; and nothing half-written.
import type { Load } from './load';
import type { OwnPostgres } from './stack';

/**
 * Rows that should not exist: each query counts one kind of partial write. A contract, its lines, its
 * audit row and its notification are written in one transaction, as are a meeting, its proposals and
 * its notifications; a fault may lose the whole, never a part.
 */
export const ORPHAN_QUERIES: Record<string, string> = {
  'contracts without lines': `
    SELECT count(*)::int AS n FROM contracts c
     WHERE NOT EXISTS (SELECT 1 FROM contract_lines l WHERE l.contract_id = c.id)`,
  'lines without their contract': `
    SELECT count(*)::int AS n FROM contract_lines l
     WHERE NOT EXISTS (SELECT 1 FROM contracts c WHERE c.id = l.contract_id)`,
  'contracts whose lines do not add up to the total (a line missing)': `
    SELECT count(*)::int AS n FROM contracts c
     WHERE c.total <> (SELECT coalesce(sum(l.line_total), 0) FROM contract_lines l WHERE l.contract_id = c.id)
        OR (SELECT max(position) FROM contract_lines l WHERE l.contract_id = c.id)
           <> (SELECT count(*) FROM contract_lines l WHERE l.contract_id = c.id)`,
  'contracts without their declaration audit row': `
    SELECT count(*)::int AS n FROM contracts c
     WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                        WHERE a.entity_type = 'contract' AND a.entity_id = c.id AND a.action = 'contract.declare')`,
  'contract audit rows without their contract': `
    SELECT count(*)::int AS n FROM audit_log a
     WHERE a.entity_type = 'contract' AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.id = a.entity_id)`,
  'contracts without the notification to the other side': `
    SELECT count(*)::int AS n FROM contracts c
     WHERE NOT EXISTS (SELECT 1 FROM notifications n
                        WHERE n.type = 'contract.declared' AND n.data->>'contractId' = c.id::text)`,
  'contract notifications without their contract': `
    SELECT count(*)::int AS n FROM notifications n
     WHERE n.type LIKE 'contract.%'
       AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.id::text = n.data->>'contractId')`,
  'meetings without proposals': `
    SELECT count(*)::int AS n FROM meetings m
     WHERE NOT EXISTS (SELECT 1 FROM meeting_proposals p WHERE p.meeting_id = m.id)`,
  'proposals without their meeting': `
    SELECT count(*)::int AS n FROM meeting_proposals p
     WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = p.meeting_id)`,
  'meetings without the request notification': `
    SELECT count(*)::int AS n FROM meetings m
     WHERE NOT EXISTS (SELECT 1 FROM notifications n
                        WHERE n.type = 'meeting.requested' AND n.data->>'meetingId' = m.id::text)`,
  'accepted meetings without a time, or without the acceptance notification': `
    SELECT count(*)::int AS n FROM meetings m
     WHERE m.status = 'accepted'
       AND (m.time_range IS NULL
            OR NOT EXISTS (SELECT 1 FROM notifications n
                            WHERE n.type = 'meeting.accepted' AND n.data->>'meetingId' = m.id::text))`,
  'pending meetings holding a time, or notified as accepted': `
    SELECT count(*)::int AS n FROM meetings m
     WHERE m.status = 'requested'
       AND (m.time_range IS NOT NULL
            OR EXISTS (SELECT 1 FROM notifications n
                        WHERE n.type = 'meeting.accepted' AND n.data->>'meetingId' = m.id::text))`,
  'meeting notifications without their meeting': `
    SELECT count(*)::int AS n FROM notifications n
     WHERE n.type LIKE 'meeting.%'
       AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id::text = n.data->>'meetingId')`,
};

/** Counts per kind of partial write; all zero when the database is whole. */
export async function orphans(pg: OwnPostgres): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const [name, sql] of Object.entries(ORPHAN_QUERIES)) {
    const [{ n }] = await pg.query<{ n: number }>(sql);
    found[name] = n;
  }
  return found;
}

/**
 * Every write the server acknowledged with a 2xx that the database does not hold (whole): contracts
 * with their line count, total and declaration audit row; requested meetings with their proposal;
 * accepted meetings accepted at the slot the answer said.
 */
export async function missingAcknowledged(pg: OwnPostgres, load: Load): Promise<string[]> {
  const missing: string[] = [];
  const contracts = [...load.contracts.values()];
  const rows = await pg.query<{ id: string; number: string; total: string; lines: number; audits: number }>(
    `SELECT c.id, c.number, c.total::text AS total,
            (SELECT count(*)::int FROM contract_lines l WHERE l.contract_id = c.id) AS lines,
            (SELECT count(*)::int FROM audit_log a
              WHERE a.entity_type = 'contract' AND a.entity_id = c.id AND a.action = 'contract.declare') AS audits
       FROM contracts c WHERE c.id = ANY($1::uuid[])`,
    [contracts.map((c) => c.id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const c of contracts) {
    const row = byId.get(c.id);
    if (!row) missing.push(`contract ${c.id} (${c.number}) is gone`);
    else if (
      row.lines !== c.lines ||
      row.audits !== 1 ||
      row.number !== c.number ||
      Number(row.total) !== Number(c.total)
    )
      missing.push(
        `contract ${c.id} (${c.number}) is not whole: ${JSON.stringify(row)} vs ${JSON.stringify(c)}`,
      );
  }

  const meetings = await pg.query<{ id: string; status: string; starts: string | null; proposals: number }>(
    `SELECT m.id, m.status, to_char(lower(m.time_range) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS starts,
            (SELECT count(*)::int FROM meeting_proposals p WHERE p.meeting_id = m.id) AS proposals
       FROM meetings m WHERE m.id = ANY($1::uuid[])`,
    [[...load.requestedMeetings]],
  );
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  for (const id of load.requestedMeetings) {
    const row = meetingById.get(id);
    if (!row) missing.push(`meeting ${id} is gone`);
    else if (row.proposals < 1) missing.push(`meeting ${id} has no proposal`);
  }
  for (const [id, slot] of load.acceptedMeetings) {
    const row = meetingById.get(id);
    if (!row || row.status !== 'accepted' || row.starts !== slot)
      missing.push(`accepted meeting ${id} at ${slot} is ${JSON.stringify(row ?? null)}`);
  }
  return missing;
}
