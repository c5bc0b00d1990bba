import type { Language, ScheduleAgendaItem, ScheduleDraftMeeting } from '@craftmatch/shared';
import { SCHEDULE_WEIGHTS } from '@craftmatch/shared';
import { intlLocale } from '../../../lib/format';

export const formatCount = (value: number, language: Language) =>
  new Intl.NumberFormat(intlLocale(language)).format(value);

/** "87.5 %" / "87,5 %" */
export const formatPercent = (ratio: number, language: Language) =>
  new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

/** Which wishes a weight stands for (8 → both must-meet …), for its label. */
export function weightKind(weight: number): keyof typeof SCHEDULE_WEIGHTS | null {
  const entry = Object.entries(SCHEDULE_WEIGHTS).find(([, w]) => w === weight);
  return entry ? (entry[0] as keyof typeof SCHEDULE_WEIGHTS) : null;
}

type Placed = Pick<ScheduleAgendaItem, 'hallName' | 'tableCode' | 'boothCode'> & {
  place: ScheduleAgendaItem['place'] | ScheduleDraftMeeting['place'];
};

/** The i18n key and values of where a meeting takes place. */
export function placeText(item: Placed): { key: string; values: Record<string, string> } {
  if (item.place === 'online') return { key: 'place.online', values: {} };
  if (item.place === 'table')
    return item.hallName
      ? { key: 'place.table', values: { code: item.tableCode ?? '—', hall: item.hallName } }
      : { key: 'place.tableNoHall', values: { code: item.tableCode ?? '—' } };
  return item.boothCode
    ? { key: 'place.booth', values: { code: item.boothCode } }
    : { key: 'place.boothUnknown', values: {} };
}
