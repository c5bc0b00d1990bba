import type { ScheduleInput, ScheduledMeeting, Violation } from './types';

/**
 * Independent checker of every hard constraint for `meetings` added to `input.locked`.
 * Written straight from the input (no shared indexing with the scheduler) so that a bug in one
 * does not hide in the other.
 */
export function checkSchedule(input: ScheduleInput, meetings: ScheduledMeeting[]): Violation[] {
  const out: Violation[] = [];
  const add = (kind: string, detail: string) => out.push({ kind, detail });
  const people = new Map(input.people.map((p) => [p.id, p]));
  const pairs = new Map(input.pairs.map((p) => [p.id, p]));
  const interpreters = new Map(input.interpreters.map((i) => [i.id, i]));
  const halls = new Map(input.halls.map((h) => [h.id, h]));
  const S = input.slots.length;

  const personSlot = new Map<string, number>();
  const personDay = new Map<string, number>();
  const interpSlot = new Map<string, number>();
  const hallSlot = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => {
    const n = (map.get(key) ?? 0) + 1;
    map.set(key, n);
    return n;
  };
  const lockedPairs = new Set<string>();
  const lockedPersons = new Set<string>();
  const occupy = (
    who: string,
    buyerId: string,
    exhibitorId: string,
    slot: number,
    interpreterId: string | null,
    hallId: string | null,
    isNew: boolean,
  ) => {
    const day = input.slots[slot].day;
    for (const person of [buyerId, exhibitorId]) {
      if (bump(personSlot, `${person}@${slot}`) > 1 && isNew)
        add('person_double_booked', `${who}: ${person} has two meetings in slot ${slot}`);
      const n = bump(personDay, `${person}@d${day}`);
      if (isNew && n > input.maxMeetingsPerPersonPerDay)
        add('day_cap', `${who}: ${person} has ${n} meetings on day ${day}`);
    }
    if (interpreterId !== null && bump(interpSlot, `${interpreterId}@${slot}`) > 1 && isNew)
      add('interpreter_double_booked', `${who}: interpreter ${interpreterId} twice in slot ${slot}`);
    if (hallId !== null) {
      const n = bump(hallSlot, `${hallId}@${slot}`);
      const hall = halls.get(hallId);
      if (isNew && hall && n > hall.tables)
        add(
          'hall_full',
          `${who}: hall ${hallId} has ${n} meetings for ${hall.tables} tables in slot ${slot}`,
        );
    }
  };

  for (const m of input.locked) {
    if (!(Number.isInteger(m.slot) && m.slot >= 0 && m.slot < S)) continue;
    if (m.pairId !== undefined) lockedPairs.add(m.pairId);
    lockedPersons.add(`${m.buyerId}\u0000${m.exhibitorId}`);
    // Locked meetings are facts: they occupy resources, their own excesses are not ours to report.
    occupy('locked', m.buyerId, m.exhibitorId, m.slot, m.interpreterId, m.hallId, false);
  }

  const usedPairs = new Set<string>();
  for (const m of meetings) {
    const who = `pair ${m.pairId}`;
    const pair = pairs.get(m.pairId);
    if (!pair) {
      add('unknown_pair', who);
      continue;
    }
    if (!(Number.isInteger(m.slot) && m.slot >= 0 && m.slot < S)) {
      add('bad_slot', `${who}: slot ${m.slot}`);
      continue;
    }
    if (usedPairs.has(pair.id)) add('pair_repeated', `${who} scheduled twice`);
    if (lockedPairs.has(pair.id) || lockedPersons.has(`${pair.buyerId}\u0000${pair.exhibitorId}`))
      add('pair_repeated', `${who} already has a locked meeting`);
    usedPairs.add(pair.id);
    const buyer = people.get(pair.buyerId);
    const exhibitor = people.get(pair.exhibitorId);
    if (!buyer || buyer.side !== 'buyer') add('bad_person', `${who}: buyer ${pair.buyerId}`);
    if (!exhibitor || exhibitor.side !== 'exhibitor')
      add('bad_person', `${who}: exhibitor ${pair.exhibitorId}`);
    for (const person of [buyer, exhibitor])
      if (person && !person.available.includes(m.slot))
        add('unavailable', `${who}: ${person.id} is not available in slot ${m.slot}`);
    if ((m.hallId ?? null) !== pair.hallId)
      add('wrong_hall', `${who}: hall ${m.hallId} instead of ${pair.hallId}`);
    if (pair.hallId !== null && !halls.has(pair.hallId)) add('unknown_hall', `${who}: ${pair.hallId}`);
    if (pair.interpreterLanguage === null) {
      if (m.interpreterId !== null) add('needless_interpreter', `${who}: ${m.interpreterId}`);
    } else {
      const it = m.interpreterId === null ? undefined : interpreters.get(m.interpreterId);
      if (!it) add('no_interpreter', `${who} needs ${pair.interpreterLanguage}`);
      else {
        if (!it.languages.includes(pair.interpreterLanguage))
          add('interpreter_language', `${who}: ${it.id} does not cover ${pair.interpreterLanguage}`);
        if (!it.available.includes(m.slot))
          add('interpreter_unavailable', `${who}: ${it.id} not available in slot ${m.slot}`);
      }
    }
    occupy(who, pair.buyerId, pair.exhibitorId, m.slot, m.interpreterId, m.hallId, true);
  }
  return out;
}
