import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ConfirmDeleteProps {
  opened: boolean;
  title: string;
  body: string;
  /** why the last attempt failed, in the reader's language */
  error?: string | null;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before anything is deleted, and keeps the server's refusal in view. */
export function ConfirmDelete({
  opened,
  title,
  body,
  error,
  loading,
  onConfirm,
  onClose,
}: ConfirmDeleteProps) {
  const { t } = useTranslation('meetingAdmin');
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text mb="md">{body}</Text>
      {error && (
        <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert" mb="md">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel')}
        </Button>
        <Button
          color="lacquer"
          loading={loading}
          onClick={onConfirm}
          disabled={Boolean(error)}
          data-testid="confirm-delete"
        >
          {t('actions.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
