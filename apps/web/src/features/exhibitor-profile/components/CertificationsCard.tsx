import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconCertificate,
  IconFileText,
  IconPaperclip,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_MIME_TYPES,
  PROFILE_LIMITS,
  type CertificationType,
  type CompanyCertification,
} from '@craftmatch/shared';
import { EmptyState, FormError } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { applyServerErrors } from '../../../lib/forms';
import { certificationName, foldedFilter, useReference } from '../../../lib/reference';
import { useDeleteCertification } from '../api/delete-certification';
import { useSaveCertification } from '../api/save-certification';
import { useUploadCertificationDocument } from '../api/upload-certification-document';
import { ConfirmDialog } from './ConfirmDialog';
import { expiryStatus } from './expiry';

const EXPIRY_COLORS = { expired: 'lacquer', soon: 'rattan', valid: 'celadon', none: 'gray' } as const;

export function ExpiryBadge({ expiresOn }: { expiresOn: string | null }) {
  const { t } = useTranslation('exhibitors');
  const ref = useReference();
  const status = expiryStatus(expiresOn);
  const date = expiresOn ? formatDate(`${expiresOn}T00:00:00`, ref.language) : '';
  const label =
    status === 'expired'
      ? t('certifications.expired', { date })
      : status === 'soon'
        ? t('certifications.expiresSoon', { date })
        : status === 'valid'
          ? t('certifications.validUntil', { date })
          : t('certifications.noExpiry');
  return (
    <Badge
      color={EXPIRY_COLORS[status]}
      variant={status === 'expired' ? 'filled' : 'light'}
      tt="none"
      className="tabular"
      data-status={status}
      data-testid="expiry-badge"
    >
      {label}
    </Badge>
  );
}

interface CertificationValues {
  type: string | null;
  number: string;
  issuer: string;
  expiresOn: string;
}

function CertificationModal({
  companyId,
  editing,
  opened,
  onClose,
}: {
  companyId: string;
  editing: CompanyCertification | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['exhibitors', 'errors']);
  const ref = useReference();
  const save = useSaveCertification(companyId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CertificationValues>({
    initialValues: {
      type: editing?.type ?? null,
      number: editing?.number ?? '',
      issuer: editing?.issuer ?? '',
      expiresOn: editing?.expiresOn ?? '',
    },
    validate: { type: (v) => (v ? null : t('errors:field.REQUIRED')) },
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? t('certifications.editTitle') : t('certifications.addTitle')}
      centered
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          save.mutate(
            {
              id: editing?.id,
              body: {
                type: v.type as CertificationType,
                number: v.number.trim() || null,
                issuer: v.issuer.trim() || null,
                expiresOn: v.expiresOn || null,
              },
            },
            { onSuccess: onClose, onError: (error) => setFormError(applyServerErrors(form, error, t)) },
          );
        })}
      >
        <Stack gap="sm">
          <FormError message={formError} />
          <Select
            label={t('certifications.type')}
            placeholder={t('certifications.typePlaceholder')}
            data={ref.certifications}
            searchable
            filter={foldedFilter}
            required
            {...form.getInputProps('type')}
          />
          <TextInput
            label={t('certifications.number')}
            maxLength={PROFILE_LIMITS.certificationNumber}
            {...form.getInputProps('number')}
          />
          <TextInput
            label={t('certifications.issuer')}
            maxLength={PROFILE_LIMITS.certificationIssuer}
            {...form.getInputProps('issuer')}
          />
          <TextInput
            type="date"
            label={t('certifications.expiresOn')}
            description={t('certifications.expiresOnHint')}
            {...form.getInputProps('expiresOn')}
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

function CertificationRow({
  companyId,
  cert,
  onEdit,
  onDelete,
}: {
  companyId: string;
  cert: CompanyCertification;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation(['exhibitors', 'errors']);
  const upload = useUploadCertificationDocument(companyId);
  return (
    <Paper withBorder p="md" radius="md" data-testid="certification-row">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{certificationName(cert.type)}</Text>
              <ExpiryBadge expiresOn={cert.expiresOn} />
            </Group>
            {(cert.number || cert.issuer) && (
              <Text fz="sm" c="dimmed" className="tabular">
                {[cert.number, cert.issuer].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Stack>
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="subtle" color="cham" aria-label={t('actions.edit')} onClick={onEdit}>
              <IconPencil size={18} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="lacquer" aria-label={t('actions.delete')} onClick={onDelete}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Group>
        <Group gap="sm" wrap="wrap">
          {cert.document ? (
            <Anchor href={cert.document.url} target="_blank" rel="noopener" fz="sm">
              <Group gap={4} component="span">
                <IconFileText size={16} />
                {t('certifications.viewDocument')}
              </Group>
            </Anchor>
          ) : (
            <Text fz="sm" c="dimmed">
              {t('certifications.noDocument')}
            </Text>
          )}
          <FileButton
            accept={DOCUMENT_MIME_TYPES.join(',')}
            onChange={(file) =>
              file &&
              upload.mutate(
                { id: cert.id, file },
                {
                  onSuccess: () =>
                    notifications.show({ color: 'celadon', message: t('certifications.documentUploaded') }),
                },
              )
            }
          >
            {(props) => (
              <Button
                {...props}
                size="compact-sm"
                variant="light"
                leftSection={<IconPaperclip size={14} />}
                loading={upload.isPending}
              >
                {cert.document ? t('certifications.replaceDocument') : t('certifications.uploadDocument')}
              </Button>
            )}
          </FileButton>
        </Group>
        {upload.error && (
          <Text fz="sm" c="lacquer.7" role="alert">
            {errorMessageOf(upload.error, t)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function CertificationsCard({
  companyId,
  certifications,
}: {
  companyId: string;
  certifications: CompanyCertification[];
}) {
  const { t } = useTranslation(['exhibitors', 'errors']);
  const remove = useDeleteCertification(companyId);
  const [editing, setEditing] = useState<CompanyCertification | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<CompanyCertification | null>(null);

  return (
    <Card>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 240px' }}>
            <Title order={2} fz="lg">
              {t('sections.certifications')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('sections.certificationsHint')}
            </Text>
          </Stack>
          {certifications.length > 0 && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('certifications.add')}
            </Button>
          )}
        </Group>
        {certifications.length === 0 ? (
          <EmptyState
            icon={<IconCertificate size={28} />}
            title={t('certifications.emptyTitle')}
            body={t('certifications.emptyBody')}
            action={
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                {t('certifications.add')}
              </Button>
            }
          />
        ) : (
          <Stack gap="sm">
            <Text fz="sm" c="dimmed" className="tabular">
              {t('certifications.count', { count: certifications.length })}
            </Text>
            {certifications.map((cert) => (
              <CertificationRow
                key={cert.id}
                companyId={companyId}
                cert={cert}
                onEdit={() => setEditing(cert)}
                onDelete={() => setDeleting(cert)}
              />
            ))}
          </Stack>
        )}
        <Text fz="xs" c="dimmed">
          {t('certifications.documentHint')}
        </Text>
        {remove.error && (
          <Alert color="lacquer" variant="light" role="alert">
            {errorMessageOf(remove.error, t)}
          </Alert>
        )}
      </Stack>
      {(adding || editing) && (
        <CertificationModal
          companyId={companyId}
          editing={editing}
          opened
          onClose={() => {
            setAdding(false);
            setEditing(null);
          }}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('certifications.deleteTitle')}
        body={t('certifications.deleteBody', { name: certificationName(deleting?.type) })}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Card>
  );
}
