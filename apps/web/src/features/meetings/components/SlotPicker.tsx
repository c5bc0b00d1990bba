import { useMemo, useState } from 'react';
import { Group, SimpleGrid, Stack, Tabs, Text, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MEETING_MAX_PROPOSALS, type FairSlot } from '@craftmatch/shared';
import { useZoneLabel } from '../../../components/TimeInZones';
import { currentLanguage } from '../../../lib/i18n';
import {
  formatClock,
  formatDayIn,
  formatLocalDay,
  localDateIn,
  viewerTimeZone,
  zonesDiffer,
} from '../../../lib/zoned-time';
import './slot-picker.css';

interface SlotPickerProps {
  slots: FairSlot[];
  fairZone: string;
  /** starts (ISO) of the chosen slots */
  value: string[];
  onChange: (value: string[]) => void;
  /** starts of the slots the other person (or the caller) cannot take */
  busy?: ReadonlySet<string>;
  max?: number;
  /** defaults to the browser's zone */
  viewerZone?: string;
  now?: Date;
  error?: string;
}

const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

/**
 * Pick 1–3 slots of a fair: one tab per fair day, each slot in the fair's time and, when it differs,
 * in the viewer's own. Slots already begun or busy are greyed out and cannot be chosen.
 */
export function SlotPicker({
  slots,
  fairZone,
  value,
  onChange,
  busy,
  max = MEETING_MAX_PROPOSALS,
  viewerZone = viewerTimeZone(),
  now = new Date(),
  error,
}: SlotPickerProps) {
  const { t, i18n } = useTranslation('meetings');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const zoneLabel = useZoneLabel();

  const days = useMemo(() => {
    const byDay = new Map<string, FairSlot[]>();
    for (const slot of slots) {
      const day = localDateIn(slot.start, fairZone);
      byDay.set(day, [...(byDay.get(day) ?? []), slot]);
    }
    return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [slots, fairZone]);

  const isBusy = (start: string) => {
    if (!busy) return false;
    for (const b of busy) if (sameInstant(b, start)) return true;
    return false;
  };
  // Opens on the first day with a slot that can still be chosen (not begun, not busy): late in a fair
  // day whose last slots are taken, that is tomorrow, not a page of grey slots.
  const firstOpenDay =
    days.find(([, daySlots]) => daySlots.some((s) => new Date(s.start) > now && !isBusy(s.start)))?.[0] ??
    days.find(([, daySlots]) => daySlots.some((s) => new Date(s.start) > now))?.[0] ??
    days[0]?.[0] ??
    null;
  const [day, setDay] = useState<string | null>(null);
  const activeDay = day ?? firstOpenDay;
  const isChosen = (start: string) => value.some((v) => sameInstant(v, start));
  const toggle = (start: string) => {
    if (isChosen(start)) onChange(value.filter((v) => !sameInstant(v, start)));
    else if (value.length < max) onChange([...value, start].sort());
  };

  if (days.length === 0) return <Text c="dimmed">{t('slots.none')}</Text>;
  const twoZones = zonesDiffer(fairZone, viewerZone, slots[0].start);

  return (
    <Stack gap="xs" data-testid="slot-picker">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fz="sm" c="dimmed">
          {twoZones
            ? t('slots.legendTwoZones', { fair: zoneLabel(fairZone), viewer: zoneLabel(viewerZone) })
            : t('slots.legendOneZone', { fair: zoneLabel(fairZone) })}
        </Text>
        <Text fz="sm" fw={600} aria-live="polite" data-testid="slot-count">
          {t('slots.chosen', { count: value.length, max })}
        </Text>
      </Group>
      <Tabs value={activeDay} onChange={setDay} variant="pills" color="cham" keepMounted={false}>
        <Tabs.List mb="sm" style={{ flexWrap: 'wrap' }}>
          {days.map(([date, daySlots]) => {
            const picked = daySlots.filter((s) => isChosen(s.start)).length;
            return (
              <Tabs.Tab key={date} value={date}>
                {formatLocalDay(date, lng)}
                {picked > 0 ? ` (${picked})` : ''}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {days.map(([date, daySlots]) => (
          <Tabs.Panel key={date} value={date}>
            <SimpleGrid cols={{ base: 2, xs: 3, md: 4 }} spacing="xs">
              {daySlots.map((slot) => {
                const started = new Date(slot.start) <= now;
                const taken = isBusy(slot.start);
                const chosen = isChosen(slot.start);
                const full = !chosen && value.length >= max;
                const disabled = started || taken || full;
                const fairTime = `${formatClock(slot.start, fairZone, lng)}–${formatClock(slot.end, fairZone, lng)}`;
                const viewerDayDiffers =
                  twoZones && localDateIn(slot.start, viewerZone) !== localDateIn(slot.start, fairZone);
                const viewerTime = twoZones
                  ? `${viewerDayDiffers ? `${formatDayIn(slot.start, viewerZone, lng)} ` : ''}${formatClock(slot.start, viewerZone, lng)}–${formatClock(slot.end, viewerZone, lng)}`
                  : null;
                const state = started ? t('slots.started') : taken ? t('slots.busy') : null;
                return (
                  <UnstyledButton
                    key={slot.start}
                    className="cm-slot"
                    data-chosen={chosen || undefined}
                    data-busy={taken || undefined}
                    data-started={started || undefined}
                    disabled={disabled}
                    aria-pressed={chosen}
                    aria-label={[
                      t('time.inZone', { time: fairTime, zone: zoneLabel(fairZone) }),
                      viewerTime && t('time.inZone', { time: viewerTime, zone: zoneLabel(viewerZone) }),
                      state,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    onClick={() => toggle(slot.start)}
                    data-testid="slot"
                    data-start={slot.start}
                  >
                    <Group gap={4} wrap="nowrap" justify="space-between">
                      <Text fw={600} fz="sm" className="tabular">
                        {fairTime}
                      </Text>
                      {chosen && <IconCheck size={16} aria-hidden />}
                    </Group>
                    {viewerTime && (
                      <Text fz="xs" className="tabular" data-zone="viewer">
                        {t('time.inZone', { time: viewerTime, zone: zoneLabel(viewerZone) })}
                      </Text>
                    )}
                    {state && (
                      <Text fz="xs" fs="italic">
                        {state}
                      </Text>
                    )}
                  </UnstyledButton>
                );
              })}
            </SimpleGrid>
          </Tabs.Panel>
        ))}
      </Tabs>
      {error && (
        <Text c="lacquer.7" fz="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
