import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormError } from '../../../components/StateViews';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '@craftmatch/shared';
import { applyServerErrors } from '../../../lib/forms';

const REASON_MAX = 500;

interface RejectCompanyModalProps {
  company: CompanySummary | null;
  loading: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<unknown>;
}

export function RejectCompanyModal({ company, loading, onClose, onConfirm }: RejectCompanyModalProps) {
  const { t } = useTranslation('organizer');
  return (
    <Modal
      opened={company !== null}
      onClose={onClose}
      title={t('reject.title', { name: company?.name ?? '' })}
      size="lg"
    >
      {/* keyed so each company starts with an empty reason */}
      {company && <RejectForm key={company.id} loading={loading} onClose={onClose} onConfirm={onConfirm} />}
    </Modal>
  );
}

function RejectForm({ loading, onClose, onConfirm }: Omit<RejectCompanyModalProps, 'company'>) {
  const { t } = useTranslation(['organizer', 'errors', 'common']);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (v) =>
        v.trim().length === 0
          ? t('reject.reasonRequired')
          : v.length > REASON_MAX
            ? t('errors:field.TOO_LONG')
            : null,
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
          {t('reject.body')}
        </Text>
        <FormError message={formError} />
        <Textarea
          label={t('reject.reason')}
          placeholder={t('reject.reasonPlaceholder')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={REASON_MAX}
          data-autofocus
          description={t('reject.reasonCount', { count: form.values.reason.length, max: REASON_MAX })}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" color="lacquer" loading={loading}>
            {t('reject.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
