import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FAIR_TIME_ZONE, type CreateFairRequest, type Fair } from '@craftmatch/shared';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';

interface FormValues {
  nameVi: string;
  nameEn: string;
  slug: string;
  venue: string;
  address: string;
  timeZone: string;
  slotMinutes: number;
  bufferMinutes: number;
  contractTargetUsd: string;
  days: { date: string; opensAt: string; closesAt: string }[];
  halls: { code: string; name: string; gridRows: number; gridCols: number }[];
}

function initialValues(fair?: Fair): FormValues {
  if (!fair) {
    return {
      nameVi: '',
      nameEn: '',
      slug: '',
      venue: '',
      address: '',
      timeZone: DEFAULT_FAIR_TIME_ZONE,
      slotMinutes: 30,
      bufferMinutes: 5,
      contractTargetUsd: '',
      days: [{ date: '', opensAt: '08:30', closesAt: '17:30' }],
      halls: [{ code: 'A', name: 'Hall A', gridRows: 6, gridCols: 10 }],
    };
  }
  return {
    nameVi: fair.nameVi,
    nameEn: fair.nameEn,
    slug: fair.slug,
    venue: fair.venue,
    address: fair.address ?? '',
    timeZone: fair.timeZone,
    slotMinutes: fair.slotMinutes,
    bufferMinutes: fair.bufferMinutes,
    contractTargetUsd: fair.contractTargetUsd ?? '',
    days: fair.days.map(({ date, opensAt, closesAt }) => ({ date, opensAt, closesAt })),
    halls: fair.halls.map(({ code, name, gridRows, gridCols }) => ({ code, name, gridRows, gridCols })),
  };
}

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [DEFAULT_FAIR_TIME_ZONE];
  }
}

interface FairFormProps {
  fair?: Fair;
  saving: boolean;
  onSubmit: (body: CreateFairRequest) => Promise<unknown>;
  onCancel?: () => void;
}

/** Names, venue, zone, meeting slots, the days with their hours, and the halls with their grids. */
export function FairForm({ fair, saving, onSubmit, onCancel }: FairFormProps) {
  const { t } = useTranslation(['fairs', 'common', 'errors']);
  const [formError, setFormError] = useState<string | null>(null);
  const zoneOptions = useMemo(() => zones(), []);
  const required = (value: string) => (value.trim() ? null : t('errors:field.REQUIRED'));
  const form = useForm<FormValues>({
    initialValues: initialValues(fair),
    validate: {
      nameVi: required,
      nameEn: required,
      venue: required,
      contractTargetUsd: (v) =>
        v === '' || /^\d{1,16}(\.\d{1,2})?$/.test(v) ? null : t('errors:field.INVALID_VALUE'),
      days: {
        date: required,
        closesAt: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          return values.days[index] && value <= values.days[index].opensAt
            ? t('errors:field.INVALID_VALUE')
            : null;
        },
      },
      halls: { code: required, name: required },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const body: CreateFairRequest = {
      nameVi: values.nameVi.trim(),
      nameEn: values.nameEn.trim(),
      slug: values.slug.trim() || undefined,
      venue: values.venue.trim(),
      address: values.address.trim() || null,
      timeZone: values.timeZone,
      slotMinutes: values.slotMinutes,
      bufferMinutes: values.bufferMinutes,
      contractTargetUsd: values.contractTargetUsd.trim() || null,
      days: values.days,
      halls: values.halls.map((h) => ({ ...h, code: h.code.trim().toUpperCase(), name: h.name.trim() })),
    };
    try {
      await onSubmit(body);
    } catch (error) {
      const fields = fieldErrorsOf(error, t);
      form.setErrors(fields);
      setFormError(errorMessageOf(error, t));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {formError && (
          <Alert color="lacquer" role="alert">
            {formError}
          </Alert>
        )}
        <Paper withBorder p="lg">
          <Title order={2} fz="lg" mb="md">
            {t('form.general')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('form.nameVi')} required {...form.getInputProps('nameVi')} />
            <TextInput label={t('form.nameEn')} required {...form.getInputProps('nameEn')} />
            <TextInput label={t('form.venue')} required {...form.getInputProps('venue')} />
            <TextInput label={t('form.address')} {...form.getInputProps('address')} />
            <TextInput
              label={t('form.slug')}
              description={t('form.slugHint')}
              {...form.getInputProps('slug')}
            />
            <Select
              label={t('form.timeZone')}
              description={t('form.timeZoneHint')}
              data={zoneOptions}
              searchable
              allowDeselect={false}
              {...form.getInputProps('timeZone')}
            />
            <NumberInput
              label={t('form.slotMinutes')}
              min={5}
              max={240}
              step={5}
              {...form.getInputProps('slotMinutes')}
            />
            <NumberInput
              label={t('form.bufferMinutes')}
              min={0}
              max={120}
              step={5}
              {...form.getInputProps('bufferMinutes')}
            />
            <TextInput
              label={t('form.target')}
              inputMode="decimal"
              placeholder="5000000"
              {...form.getInputProps('contractTargetUsd')}
            />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="lg">
          <Group justify="space-between" mb="md">
            <Title order={2} fz="lg">
              {t('form.days')}
            </Title>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => {
                const last = form.getValues().days.at(-1);
                form.insertListItem('days', {
                  date: '',
                  opensAt: last?.opensAt ?? '08:30',
                  closesAt: last?.closesAt ?? '17:30',
                });
              }}
            >
              {t('form.addDay')}
            </Button>
          </Group>
          <Stack gap="sm">
            {form.getValues().days.map((_, i) => (
              <Group key={form.key(`days.${i}`)} align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('form.date')}
                  style={{ flex: '1 1 150px' }}
                  {...form.getInputProps(`days.${i}.date`)}
                />
                <TextInput
                  type="time"
                  label={t('form.opensAt')}
                  style={{ flex: '1 1 100px' }}
                  {...form.getInputProps(`days.${i}.opensAt`)}
                />
                <TextInput
                  type="time"
                  label={t('form.closesAt')}
                  style={{ flex: '1 1 100px' }}
                  {...form.getInputProps(`days.${i}.closesAt`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="lacquer"
                  size="lg"
                  aria-label={t('form.removeDay')}
                  disabled={form.getValues().days.length === 1}
                  onClick={() => form.removeListItem('days', i)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        </Paper>

        <Paper withBorder p="lg">
          <Group justify="space-between" mb="md">
            <Title order={2} fz="lg">
              {t('form.halls')}
            </Title>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => {
                const n = form.getValues().halls.length;
                const code = String.fromCharCode(65 + (n % 26));
                form.insertListItem('halls', { code, name: `Hall ${code}`, gridRows: 6, gridCols: 10 });
              }}
            >
              {t('form.addHall')}
            </Button>
          </Group>
          {form.getValues().halls.length === 0 && <Text c="dimmed">{t('form.noHalls')}</Text>}
          <Stack gap="sm">
            {form.getValues().halls.map((_, i) => (
              <Group key={form.key(`halls.${i}`)} align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('form.hallCode')}
                  style={{ flex: '0 1 90px' }}
                  {...form.getInputProps(`halls.${i}.code`)}
                />
                <TextInput
                  label={t('form.hallName')}
                  style={{ flex: '2 1 180px' }}
                  {...form.getInputProps(`halls.${i}.name`)}
                />
                <NumberInput
                  label={t('form.gridRows')}
                  min={1}
                  max={100}
                  style={{ flex: '1 1 80px' }}
                  {...form.getInputProps(`halls.${i}.gridRows`)}
                />
                <NumberInput
                  label={t('form.gridCols')}
                  min={1}
                  max={100}
                  style={{ flex: '1 1 80px' }}
                  {...form.getInputProps(`halls.${i}.gridCols`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="lacquer"
                  size="lg"
                  aria-label={t('form.removeHall')}
                  onClick={() => form.removeListItem('halls', i)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        </Paper>

        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('form.cancel')}
            </Button>
          )}
          <Button type="submit" loading={saving} color="cham">
            {fair ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
