import type { FairSlot, InterpreterShift } from '@craftmatch/shared';
import { localDay } from './zone';

export interface SlotDay {
  /** YYYY-MM-DD in the fair's zone */
  date: string;
  slots: FairSlot[];
}

/** A fair's slots grouped by their local day in the fair's zone, days and slots in time order. */
export function slotDays(slots: FairSlot[], fairZone: string): SlotDay[] {
  const days = new Map<string, FairSlot[]>();
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const date = localDay(slot.start, fairZone);
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return [...days.entries()].map(([date, daySlots]) => ({ date, slots: daySlots }));
}

/** One editable shift: instants (ISO) or null while not chosen yet. */
export interface ShiftDraft {
  start: string | null;
  end: string | null;
}

/** The interpreter's shifts, placed on the local day they start on. */
export function shiftsByDay(shifts: InterpreterShift[], fairZone: string): Record<string, ShiftDraft[]> {
  const result: Record<string, ShiftDraft[]> = {};
  for (const shift of [...shifts].sort((a, b) => a.start.localeCompare(b.start))) {
    const date = localDay(shift.start, fairZone);
    (result[date] ??= []).push({ start: shift.start, end: shift.end });
  }
  return result;
}

const ms = (iso: string) => new Date(iso).getTime();

export type ShiftProblem = 'incomplete' | 'order' | 'overlap';

/** What is wrong with a day's shifts, per shift index (nothing when all is well). */
export function shiftProblems(day: ShiftDraft[]): Record<number, ShiftProblem> {
  const problems: Record<number, ShiftProblem> = {};
  day.forEach((s, i) => {
    if (!s.start || !s.end) problems[i] = 'incomplete';
    else if (ms(s.end) <= ms(s.start)) problems[i] = 'order';
  });
  const complete = day
    .map((s, i) => ({ ...s, i }))
    .filter((s) => problems[s.i] === undefined)
    .sort((a, b) => ms(a.start!) - ms(b.start!));
  for (let k = 1; k < complete.length; k++) {
    if (ms(complete[k].start!) < ms(complete[k - 1].end!)) problems[complete[k].i] = 'overlap';
  }
  return problems;
}

/** Every complete shift of every day, in time order, as the API takes them. */
export function toShifts(days: Record<string, ShiftDraft[]>): InterpreterShift[] {
  return Object.values(days)
    .flat()
    .filter((s): s is InterpreterShift => Boolean(s.start && s.end))
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** Total working minutes, for the summary line. */
export function shiftMinutes(shifts: InterpreterShift[]): number {
  return shifts.reduce((sum, s) => sum + Math.max(0, (ms(s.end) - ms(s.start)) / 60_000), 0);
}
