import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconAlertCircle,
  IconBuildingFactory2,
  IconPencil,
  IconPlus,
  IconTrash,
  IconUser,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PROFILE_LIMITS, type Artisan, type Workshop } from '@craftmatch/shared';
import { EmptyState, FormError } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/forms';
import {
  foldedFilter,
  provinceName,
  useReference,
  villageName,
  villageProvince,
} from '../../../lib/reference';
import { useDeleteArtisan } from '../api/delete-artisan';
import { useDeleteWorkshop } from '../api/delete-workshop';
import { useSaveArtisan } from '../api/save-artisan';
import { useSaveWorkshop } from '../api/save-workshop';
import { ConfirmDialog } from './ConfirmDialog';
import { OTHER_VILLAGE } from './ProfileForm';

interface WorkshopValues {
  name: string;
  villageCode: string | null;
  villageOther: string;
  provinceCode: string | null;
  description: string;
}

function WorkshopModal({
  companyId,
  editing,
  onClose,
}: {
  companyId: string;
  editing: Workshop | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['exhibitors', 'errors']);
  const ref = useReference();
  const save = useSaveWorkshop(companyId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<WorkshopValues>({
    initialValues: {
      name: editing?.name ?? '',
      villageCode: editing?.villageCode ?? (editing?.villageOther ? OTHER_VILLAGE : null),
      villageOther: editing?.villageOther ?? '',
      provinceCode: editing?.provinceCode ?? null,
      description: editing?.description ?? '',
    },
    validate: { name: (v) => (v.trim() ? null : t('errors:field.REQUIRED')) },
  });
  const values = form.getValues();
  const fromVillage = values.villageCode && values.villageCode !== OTHER_VILLAGE;

  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? t('workshops.editTitle') : t('workshops.addTitle')}
      centered
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          const other = v.villageCode === OTHER_VILLAGE;
          save.mutate(
            {
              id: editing?.id,
              body: {
                name: v.name.trim(),
                villageCode: other ? null : v.villageCode,
                villageOther: other ? v.villageOther.trim() || null : null,
                provinceCode: v.provinceCode,
                description: v.description.trim() || null,
              },
            },
            { onSuccess: onClose, onError: (error) => setFormError(applyServerErrors(form, error, t)) },
          );
        })}
      >
        <Stack gap="sm">
          <FormError message={formError} />
          <TextInput
            label={t('workshops.name')}
            placeholder={t('workshops.namePlaceholder')}
            required
            maxLength={PROFILE_LIMITS.workshopName}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('fields.village')}
              placeholder={t('fields.villagePlaceholder')}
              data={[
                ...ref.villages,
                {
                  group: t('fields.villageOtherGroup'),
                  items: [{ value: OTHER_VILLAGE, label: t('fields.villageOtherOption') }],
                },
              ]}
              searchable
              clearable
              filter={foldedFilter}
              {...form.getInputProps('villageCode')}
              onChange={(code) => {
                form.setFieldValue('villageCode', code);
                const province = code && code !== OTHER_VILLAGE ? villageProvince(code) : null;
                if (province) form.setFieldValue('provinceCode', province);
              }}
            />
            <Select
              label={t('fields.province')}
              placeholder={t('fields.provincePlaceholder')}
              description={fromVillage ? t('fields.provinceFromVillage') : undefined}
              data={ref.provinces}
              searchable
              clearable
              filter={foldedFilter}
              disabled={Boolean(fromVillage)}
              {...form.getInputProps('provinceCode')}
            />
          </SimpleGrid>
          {values.villageCode === OTHER_VILLAGE && (
            <TextInput
              label={t('fields.villageOther')}
              placeholder={t('fields.villageOtherPlaceholder')}
              maxLength={PROFILE_LIMITS.villageOther}
              {...form.getInputProps('villageOther')}
            />
          )}
          <Textarea
            label={t('workshops.description')}
            autosize
            minRows={3}
            maxLength={PROFILE_LIMITS.workshopDescription}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('actions.saveItem')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ArtisanModal({
  companyId,
  workshopId,
  editing,
  onClose,
}: {
  companyId: string;
  workshopId: string;
  editing: Artisan | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['exhibitors', 'errors']);
  const save = useSaveArtisan(companyId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: editing?.name ?? '', title: editing?.title ?? '', bio: editing?.bio ?? '' },
    validate: { name: (v: string) => (v.trim() ? null : t('errors:field.REQUIRED')) },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? t('workshops.editArtisanTitle') : t('workshops.addArtisanTitle')}
      centered
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          save.mutate(
            {
              workshopId,
              id: editing?.id,
              body: { name: v.name.trim(), title: v.title.trim() || null, bio: v.bio.trim() || null },
            },
            { onSuccess: onClose, onError: (error) => setFormError(applyServerErrors(form, error, t)) },
          );
        })}
      >
        <Stack gap="sm">
          <FormError message={formError} />
          <TextInput
            label={t('workshops.artisanName')}
            required
            maxLength={PROFILE_LIMITS.artisanName}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('workshops.artisanTitle')}
            placeholder={t('workshops.artisanTitlePlaceholder')}
            maxLength={PROFILE_LIMITS.artisanTitle}
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('workshops.artisanBio')}
            autosize
            minRows={3}
            maxLength={PROFILE_LIMITS.artisanBio}
            {...form.getInputProps('bio')}
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('actions.saveItem')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Dialog =
  | { kind: 'workshop'; workshop: Workshop | null }
  | { kind: 'artisan'; workshopId: string; artisan: Artisan | null }
  | { kind: 'deleteWorkshop'; workshop: Workshop }
  | { kind: 'deleteArtisan'; workshopId: string; artisan: Artisan }
  | null;

export function WorkshopsCard({ companyId, workshops }: { companyId: string; workshops: Workshop[] }) {
  const { t } = useTranslation(['exhibitors', 'errors']);
  const ref = useReference();
  const removeWorkshop = useDeleteWorkshop(companyId);
  const removeArtisan = useDeleteArtisan(companyId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const error = removeWorkshop.error ?? removeArtisan.error;

  const place = (w: Workshop) =>
    [
      w.villageCode ? villageName(w.villageCode, ref.language) : w.villageOther,
      provinceName(w.provinceCode, ref.language),
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 240px' }}>
            <Title order={2} fz="lg">
              {t('sections.workshops')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('sections.workshopsHint')}
            </Text>
          </Stack>
          {workshops.length > 0 && (
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => setDialog({ kind: 'workshop', workshop: null })}
            >
              {t('workshops.add')}
            </Button>
          )}
        </Group>
        {error && (
          <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {errorMessageOf(error, t)}
          </Alert>
        )}
        {workshops.length === 0 ? (
          <EmptyState
            icon={<IconBuildingFactory2 size={28} />}
            title={t('workshops.emptyTitle')}
            body={t('workshops.emptyBody')}
            action={
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setDialog({ kind: 'workshop', workshop: null })}
              >
                {t('workshops.add')}
              </Button>
            }
          />
        ) : (
          <Stack gap="sm">
            <Text fz="sm" c="dimmed" className="tabular">
              {t('workshops.count', { count: workshops.length })}
            </Text>
            {workshops.map((w) => (
              <Paper key={w.id} withBorder p="md" radius="md" data-testid="workshop-row">
                <Stack gap="sm">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text fw={600}>{w.name}</Text>
                      {place(w) && (
                        <Text fz="sm" c="dimmed">
                          {place(w)}
                        </Text>
                      )}
                      {w.description && <Text fz="sm">{w.description}</Text>}
                    </Stack>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="cham"
                        aria-label={t('actions.edit')}
                        onClick={() => setDialog({ kind: 'workshop', workshop: w })}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="lacquer"
                        aria-label={t('actions.delete')}
                        onClick={() => setDialog({ kind: 'deleteWorkshop', workshop: w })}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Group>
                  </Group>
                  <Divider label={t('workshops.artisans')} labelPosition="left" />
                  {w.artisans.length === 0 ? (
                    <Text fz="sm" c="dimmed">
                      {t('workshops.noArtisans')}
                    </Text>
                  ) : (
                    <Stack gap={6}>
                      {w.artisans.map((a) => (
                        <Group key={a.id} justify="space-between" wrap="nowrap" gap="sm">
                          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                            <IconUser size={16} color="var(--mantine-color-cham-6)" />
                            <Text fz="sm" fw={500}>
                              {a.name}
                            </Text>
                            {a.title && (
                              <Badge variant="light" color="rattan" size="sm">
                                {a.title}
                              </Badge>
                            )}
                          </Group>
                          <Group gap={2} wrap="nowrap">
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              color="cham"
                              aria-label={t('actions.edit')}
                              onClick={() => setDialog({ kind: 'artisan', workshopId: w.id, artisan: a })}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              color="lacquer"
                              aria-label={t('actions.delete')}
                              onClick={() =>
                                setDialog({ kind: 'deleteArtisan', workshopId: w.id, artisan: a })
                              }
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Group>
                        </Group>
                      ))}
                    </Stack>
                  )}
                  <Group>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => setDialog({ kind: 'artisan', workshopId: w.id, artisan: null })}
                    >
                      {t('workshops.addArtisan')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
      {dialog?.kind === 'workshop' && (
        <WorkshopModal companyId={companyId} editing={dialog.workshop} onClose={close} />
      )}
      {dialog?.kind === 'artisan' && (
        <ArtisanModal
          companyId={companyId}
          workshopId={dialog.workshopId}
          editing={dialog.artisan}
          onClose={close}
        />
      )}
      <ConfirmDialog
        opened={dialog?.kind === 'deleteWorkshop'}
        title={t('workshops.deleteTitle')}
        body={t('workshops.deleteBody', {
          name: dialog?.kind === 'deleteWorkshop' ? dialog.workshop.name : '',
        })}
        loading={removeWorkshop.isPending}
        onClose={close}
        onConfirm={() =>
          dialog?.kind === 'deleteWorkshop' &&
          removeWorkshop.mutate(dialog.workshop.id, { onSuccess: close, onError: close })
        }
      />
      <ConfirmDialog
        opened={dialog?.kind === 'deleteArtisan'}
        title={t('workshops.deleteArtisanTitle')}
        body={t('workshops.deleteArtisanBody', {
          name: dialog?.kind === 'deleteArtisan' ? dialog.artisan.name : '',
        })}
        loading={removeArtisan.isPending}
        onClose={close}
        onConfirm={() =>
          dialog?.kind === 'deleteArtisan' &&
          removeArtisan.mutate(
            { workshopId: dialog.workshopId, id: dialog.artisan.id },
            { onSuccess: close, onError: close },
          )
        }
      />
    </Card>
  );
}
