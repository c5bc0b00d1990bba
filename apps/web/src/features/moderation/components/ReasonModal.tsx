import { useState } from 'react';
import { FormError } from '../../../components/StateViews';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../lib/forms';

const REASON_MAX = 1000;

export interface ReasonRequest {
  title: string;
  body: string;
  confirmLabel: string;
  /** a reason is required, except for reinstating */
  required: boolean;
  color: string;
}

interface ReasonModalProps {
  request: ReasonRequest | null;
  loading: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<unknown>;
}

/** Every organizer action asks why; the owners read the reason and the audit log keeps it. */
export function ReasonModal({ request, loading, onClose, onConfirm }: ReasonModalProps) {
  return (
    <Modal opened={request !== null} onClose={onClose} title={request?.title} size="lg" centered>
      {request && (
        <ReasonForm
          key={request.title}
          request={request}
          loading={loading}
          onClose={onClose}
          onConfirm={onConfirm}
        />
      )}
    </Modal>
  );
}

function ReasonForm({
  request,
  loading,
  onClose,
  onConfirm,
}: Omit<ReasonModalProps, 'request'> & { request: ReasonRequest }) {
  const { t } = useTranslation(['products', 'errors', 'common']);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (v) => (request.required && v.trim().length === 0 ? t('moderation.reasonRequired') : null),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        setFormError(null);
        try {
          await onConfirm(values.reason.trim());
        } catch (error) {
          setFormError(applyServerErrors(form, error, t));
        }
      })}
    >
      <Stack gap="md">
        <Text c="dimmed" fz="sm">
          {request.body}
        </Text>
        <FormError message={formError} />
        <Textarea
          label={request.required ? t('moderation.reasonLabel') : t('moderation.noteLabel')}
          placeholder={t('moderation.reasonPlaceholder')}
          required={request.required}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={REASON_MAX}
          data-autofocus
          data-testid="moderation-reason"
          description={t('moderation.reasonCount', { count: form.values.reason.length, max: REASON_MAX })}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" color={request.color} loading={loading} data-testid="moderation-confirm">
            {request.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
