import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  body: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before anything is deleted. */
export function ConfirmDialog({ opened, title, body, loading, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation('exhibitors');
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text mb="lg">{body}</Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel')}
        </Button>
        <Button color="lacquer" loading={loading} onClick={onConfirm} data-testid="confirm-delete">
          {t('actions.confirmDelete')}
        </Button>
      </Group>
    </Modal>
  );
}
