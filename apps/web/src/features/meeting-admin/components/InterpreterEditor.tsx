import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Fair, FairInterpreter, SpokenLanguage } from '@craftmatch/shared';
import { FormError, ListSkeleton, ErrorState } from '../../../components/StateViews';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';
import { foldedFilter, useReference } from '../../../lib/reference';
import { useFairSlots, useRegisterInterpreter } from '../api/interpreters';
import { shiftProblems, shiftsByDay, slotDays, toShifts, type ShiftDraft } from './shifts';
import { clockTime, dayLabel, zoneLabel } from './zone';

interface InterpreterEditorProps {
  fair: Fair;
  interpreter: FairInterpreter;
  onDone: () => void;
}

/** Languages, and the shifts an interpreter works at this fair: ranges of the fair's slots, day by day. */
export function InterpreterEditor({ fair, interpreter, onDone }: InterpreterEditorProps) {
  const { t } = useTranslation(['meetingAdmin', 'errors']);
  const ref = useReference();
  const language = ref.language;
  const slots = useFairSlots(fair.id);
  const save = useRegisterInterpreter(fair.id);
  const [languages, setLanguages] = useState<string[]>(interpreter.languages);
  const [days, setDays] = useState<Record<string, ShiftDraft[]>>(() =>
    shiftsByDay(interpreter.shifts, fair.timeZone),
  );
  const [languagesError, setLanguagesError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  const fairDays = useMemo(() => slotDays(slots.data ?? [], fair.timeZone), [slots.data, fair.timeZone]);
  const time = (iso: string) => clockTime(iso, fair.timeZone, language);

  const setDay = (date: string, next: ShiftDraft[]) => setDays((all) => ({ ...all, [date]: next }));
  const problems = Object.fromEntries(
    Object.entries(days).map(([date, list]) => [date, shiftProblems(list)]),
  );
  const hasProblems = Object.values(problems).some((p) => Object.keys(p).length > 0);

  const submit = () => {
    setTouched(true);
    setFormError(null);
    if (languages.length === 0) {
      setLanguagesError(t('interpreters.languagesRequired'));
      return;
    }
    if (hasProblems) return;
    save.mutate(
      {
        userId: interpreter.userId,
        body: { languages: languages as SpokenLanguage[], shifts: toShifts(days) },
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'celadon',
            message: t('interpreters.saved', { name: interpreter.fullName }),
          });
          onDone();
        },
        onError: (error) => {
          const fields = fieldErrorsOf(error, t);
          if (fields.languages) setLanguagesError(fields.languages);
          setFormError(errorMessageOf(error, t));
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <MultiSelect
        label={t('interpreters.languages')}
        description={t('interpreters.languagesHint')}
        data={ref.languages}
        value={languages}
        onChange={(v) => {
          setLanguages(v);
          setLanguagesError(null);
        }}
        searchable
        filter={foldedFilter}
        error={languagesError}
        required
      />
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('interpreters.shifts')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('interpreters.shiftsHint', { zone: zoneLabel(fair.timeZone, language) })}
        </Text>
      </Stack>
      {slots.isPending ? (
        <ListSkeleton rows={2} />
      ) : slots.isError ? (
        <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />
      ) : fairDays.length === 0 ? (
        <Alert color="rattan" variant="light" icon={<IconCalendarTime size={18} />}>
          {t('interpreters.noSlots')}
        </Alert>
      ) : (
        <Stack gap="sm">
          {fairDays.map(({ date, slots: daySlots }) => {
            const list = days[date] ?? [];
            const dayProblems = problems[date] ?? {};
            const first = daySlots[0];
            const last = daySlots[daySlots.length - 1];
            const starts = daySlots.map((s) => ({ value: s.start, label: time(s.start) }));
            const ends = daySlots.map((s) => ({ value: s.end, label: time(s.end) }));
            // Keep a saved time selectable even when the slots have moved since.
            const withValue = (options: { value: string; label: string }[], value: string | null) =>
              value && !options.some((o) => o.value === value)
                ? [...options, { value, label: time(value) }].sort((a, b) => a.value.localeCompare(b.value))
                : options;
            return (
              <Paper key={date} withBorder p="sm" radius="md" data-testid={`shift-day-${date}`}>
                <Group justify="space-between" mb={list.length ? 'xs' : 0} wrap="wrap" gap="xs">
                  <Text fw={600} className="tabular">
                    {t('interpreters.dayHours', {
                      day: dayLabel(first.start, fair.timeZone, language),
                      from: time(first.start),
                      to: time(last.end),
                    })}
                  </Text>
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setDay(date, [{ start: first.start, end: last.end }])}
                    >
                      {t('interpreters.wholeDay')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => setDay(date, [...list, { start: null, end: null }])}
                    >
                      {t('interpreters.addShift')}
                    </Button>
                  </Group>
                </Group>
                {list.length === 0 ? (
                  <Text fz="sm" c="dimmed">
                    {t('interpreters.dayOff')}
                  </Text>
                ) : (
                  <Stack gap={6}>
                    {list.map((shift, i) => {
                      const problem = touched || (shift.start && shift.end) ? dayProblems[i] : undefined;
                      const update = (patch: Partial<ShiftDraft>) =>
                        setDay(
                          date,
                          list.map((s, k) => (k === i ? { ...s, ...patch } : s)),
                        );
                      return (
                        <Stack key={i} gap={2}>
                          <Group gap="xs" wrap="nowrap" align="center">
                            <Select
                              aria-label={t('interpreters.from')}
                              placeholder={t('interpreters.from')}
                              data={withValue(starts, shift.start)}
                              value={shift.start}
                              onChange={(v) => update({ start: v })}
                              size="xs"
                              w={110}
                              className="tabular"
                            />
                            <Text fz="sm">–</Text>
                            <Select
                              aria-label={t('interpreters.to')}
                              placeholder={t('interpreters.to')}
                              data={withValue(ends, shift.end)}
                              value={shift.end}
                              onChange={(v) => update({ end: v })}
                              size="xs"
                              w={110}
                              className="tabular"
                              error={Boolean(problem)}
                            />
                            <ActionIcon
                              variant="subtle"
                              color="lacquer"
                              aria-label={t('interpreters.removeShift')}
                              onClick={() =>
                                setDay(
                                  date,
                                  list.filter((_, k) => k !== i),
                                )
                              }
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Group>
                          {problem && (
                            <Text fz="xs" c="lacquer.7" role="alert">
                              {t(`interpreters.problems.${problem}`)}
                            </Text>
                          )}
                        </Stack>
                      );
                    })}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
      <FormError message={formError} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          {t('actions.cancel')}
        </Button>
        <Button onClick={submit} loading={save.isPending} data-testid="save-interpreter">
          {t('interpreters.save')}
        </Button>
      </Group>
    </Stack>
  );
}
