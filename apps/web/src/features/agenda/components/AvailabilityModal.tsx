import { useMemo, useState } from 'react';
import { Button, Chip, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { formatClock, formatLocalDay, localDateIn } from '../../../lib/zoned-time';
import { useAgendaSlots } from '../api/agenda-fairs';
import { useAvailability, useSetAvailability } from '../api/availability';

const key = (iso: string) => new Date(iso).toISOString();

/** Mark the slots one is not available in; nobody can then propose or accept a meeting in them. */
export function AvailabilityModal({
  fairId,
  fairZone,
  opened,
  onClose,
}: {
  fairId: string;
  fairZone: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('meetings');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const fullScreen = useMediaQuery('(max-width: 36em)') ?? false;
  const slots = useAgendaSlots(fairId, opened);
  const availability = useAvailability(fairId, opened);
  const save = useSetAvailability(fairId);
  const [edited, setEdited] = useState<Set<string> | null>(null);
  const blocked = edited ?? new Set((availability.data?.blocked ?? []).map(key));

  const days = useMemo(() => {
    const byDay = new Map<string, { start: string; end: string }[]>();
    for (const slot of slots.data ?? []) {
      const day = localDateIn(slot.start, fairZone);
      byDay.set(day, [...(byDay.get(day) ?? []), slot]);
    }
    return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [slots.data, fairZone]);

  const toggle = (start: string) => {
    const next = new Set(blocked);
    if (next.has(key(start))) next.delete(key(start));
    else next.add(key(start));
    setEdited(next);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('availability.title')}
      size="xl"
      fullScreen={fullScreen}
      centered
    >
      <Stack gap="md">
        <Text fz="sm">{t('availability.intro')}</Text>
        {slots.isPending || availability.isPending ? (
          <Skeleton h={200} />
        ) : slots.isError || availability.isError ? (
          <FormError message={errorMessageOf(slots.error ?? availability.error, t)} />
        ) : (
          days.map(([date, daySlots]) => (
            <Stack key={date} gap={6}>
              <Title order={3} fz="sm">
                {formatLocalDay(date, lng, true)}
              </Title>
              <Group gap={6}>
                {daySlots.map((slot) => (
                  <Chip
                    key={slot.start}
                    size="xs"
                    color="lacquer"
                    variant="outline"
                    checked={blocked.has(key(slot.start))}
                    onChange={() => toggle(slot.start)}
                    data-testid="availability-slot"
                  >
                    {formatClock(slot.start, fairZone, lng)}
                  </Chip>
                ))}
              </Group>
            </Stack>
          ))
        )}
        <Text fz="sm" c="dimmed">
          {t('availability.count', { count: blocked.size })}
        </Text>
        <FormError message={save.isError ? errorMessageOf(save.error, t) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.close')}
          </Button>
          <Button
            color="cham"
            loading={save.isPending}
            disabled={!edited}
            onClick={() => save.mutate([...blocked], { onSuccess: onClose })}
            data-testid="availability-save"
          >
            {t('availability.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
