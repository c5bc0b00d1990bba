import { useState } from 'react';
import {
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  SCHEDULE_MAX_PER_DAY_LIMIT,
  SCHEDULE_TABLE_POLICIES,
  type ScheduleSettings,
  type ScheduleTablePolicy,
} from '@craftmatch/shared';
import { useZoneLabel } from '../../../components/TimeInZones';
import { ErrorState, FormError, ListSkeleton } from '../../../components/StateViews';
import { applyServerErrors } from '../../../lib/forms';
import { useSaveScheduleSettings, useScheduleSettings } from '../api/settings';

const HALL_AUTO = '__auto__';

interface Values {
  maxMeetingsPerDay: number | string;
  lunch: boolean;
  lunchStart: string;
  lunchEnd: string;
  tablePolicy: ScheduleTablePolicy;
  tableHallId: string;
}

function SettingsForm({
  fairId,
  fairZone,
  settings,
  canManage,
}: {
  fairId: string;
  fairZone: string;
  settings: ScheduleSettings;
  canManage: boolean;
}) {
  const { t } = useTranslation(['schedulingWeb', 'errors']);
  const zoneLabel = useZoneLabel();
  const save = useSaveScheduleSettings(fairId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      maxMeetingsPerDay: settings.maxMeetingsPerDay,
      lunch: settings.lunchStart !== null && settings.lunchEnd !== null,
      lunchStart: settings.lunchStart ?? '12:00',
      lunchEnd: settings.lunchEnd ?? '13:00',
      tablePolicy: settings.tablePolicy,
      tableHallId: settings.tableHallId ?? HALL_AUTO,
    },
    validate: {
      maxMeetingsPerDay: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= SCHEDULE_MAX_PER_DAY_LIMIT
          ? null
          : t('settings.maxPerDayRange', { max: SCHEDULE_MAX_PER_DAY_LIMIT }),
      lunchStart: (v, values) => (values.lunch && !v ? t('errors:field.REQUIRED') : null),
      lunchEnd: (v, values) =>
        !values.lunch
          ? null
          : !v
            ? t('errors:field.REQUIRED')
            : v <= values.lunchStart
              ? t('settings.lunchOrder')
              : null,
    },
  });
  const values = form.getValues();

  return (
    <form
      noValidate
      data-testid="schedule-settings"
      onSubmit={form.onSubmit((v) => {
        setFormError(null);
        save.mutate(
          {
            maxMeetingsPerDay: Number(v.maxMeetingsPerDay),
            lunchStart: v.lunch ? v.lunchStart : null,
            lunchEnd: v.lunch ? v.lunchEnd : null,
            tablePolicy: v.tablePolicy,
            tableHallId: v.tableHallId === HALL_AUTO ? null : v.tableHallId,
          },
          {
            onSuccess: () => notifications.show({ color: 'celadon', message: t('settings.saved') }),
            onError: (error) => setFormError(applyServerErrors(form, error, t)),
          },
        );
      })}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t('settings.maxPerDay')}
            description={t('settings.maxPerDayHint')}
            min={1}
            max={SCHEDULE_MAX_PER_DAY_LIMIT}
            allowDecimal={false}
            allowNegative={false}
            className="tabular"
            disabled={!canManage}
            {...form.getInputProps('maxMeetingsPerDay')}
          />
          <Stack gap={6}>
            <Switch
              label={t('settings.lunch')}
              description={t('settings.lunchHint', { zone: zoneLabel(fairZone) })}
              disabled={!canManage}
              {...form.getInputProps('lunch', { type: 'checkbox' })}
            />
            {values.lunch && (
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <TextInput
                  type="time"
                  label={t('settings.lunchStart')}
                  style={{ flex: 1 }}
                  disabled={!canManage}
                  {...form.getInputProps('lunchStart')}
                />
                <TextInput
                  type="time"
                  label={t('settings.lunchEnd')}
                  style={{ flex: 1 }}
                  disabled={!canManage}
                  {...form.getInputProps('lunchEnd')}
                />
              </Group>
            )}
          </Stack>
        </SimpleGrid>
        <Radio.Group label={t('settings.tablePolicy')} {...form.getInputProps('tablePolicy')}>
          <Stack gap="xs" mt={6}>
            {SCHEDULE_TABLE_POLICIES.map((policy) => (
              <Radio
                key={policy}
                value={policy}
                label={t(`settings.policies.${policy}.label`)}
                description={t(`settings.policies.${policy}.description`)}
                disabled={!canManage}
              />
            ))}
          </Stack>
        </Radio.Group>
        {values.tablePolicy !== 'none' && (
          <Select
            label={t('settings.tableHall')}
            allowDeselect={false}
            maw={420}
            data={[
              { value: HALL_AUTO, label: t('settings.tableHallAuto') },
              ...settings.halls.map((h) => ({
                value: h.id,
                label: t('settings.hallOption', { code: h.code, name: h.name, count: h.tables }),
              })),
            ]}
            disabled={!canManage}
            {...form.getInputProps('tableHallId')}
          />
        )}
        <FormError message={formError} />
        {canManage ? (
          <Group>
            <Button
              type="submit"
              variant="light"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={save.isPending}
            >
              {t('settings.save')}
            </Button>
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('settings.readOnly')}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** Daily limit, lunch break and B2B tables: what the next draft is computed with. */
export function SettingsCard({
  fairId,
  fairZone,
  canManage,
}: {
  fairId: string;
  fairZone: string;
  canManage: boolean;
}) {
  const { t } = useTranslation('schedulingWeb');
  const settings = useScheduleSettings(fairId);
  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t('settings.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('settings.intro')}
          </Text>
        </div>
        {settings.isPending ? (
          <ListSkeleton rows={3} height={48} />
        ) : settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <SettingsForm fairId={fairId} fairZone={fairZone} settings={settings.data} canManage={canManage} />
        )}
      </Stack>
    </Card>
  );
}
