import { useState } from 'react';
import { Button, FileButton, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail } from '@craftmatch/shared';
import { FormError } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { ATTACHMENT_ACCEPT, downloadAttachment } from '../api/attachment';
import { useRemoveAttachment, useUploadAttachment } from '../api/contracts';

/**
 * The contract's signed copy: everyone who sees the contract downloads it; the declaring party uploads,
 * replaces or (after a confirm dialog) removes it. A change sends a confirmed contract back for confirmation.
 */
export function ContractAttachment({
  contract,
  companyId,
}: {
  contract: ContractDetail;
  companyId: string | null;
}) {
  const { t } = useTranslation(['deals', 'errors']);
  const upload = useUploadAttachment();
  const remove = useRemoveAttachment();
  const [downloading, setDownloading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const canChange = companyId === contract.declaredByCompanyId && contract.status !== 'cancelled';
  const has = contract.attachmentFileId !== null;
  if (!has && !canChange) return null;
  const onError = (e: unknown) => setError(errorMessageOf(e, t));
  const reconfirm = contract.status === 'confirmed' || contract.status === 'disputed';

  const pick = (file: File | null) => {
    if (!file) return;
    setError(null);
    upload.mutate(
      { id: contract.id, file },
      {
        onSuccess: () => notifications.show({ color: 'celadon', message: t('attachment.uploaded') }),
        onError,
      },
    );
  };
  const download = () => {
    setError(null);
    setDownloading(true);
    downloadAttachment(contract.id)
      .catch(onError)
      .finally(() => setDownloading(false));
  };
  const confirmRemove = () =>
    remove.mutate(
      { id: contract.id },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({ color: 'celadon', message: t('attachment.removed') });
        },
        onError: (e) => {
          setConfirming(false);
          onError(e);
        },
      },
    );

  return (
    <Paper withBorder p="md" data-testid="contract-attachment">
      <Stack gap="xs">
        <Group gap="xs">
          <IconPaperclip size={16} />
          <Text fw={600} fz="sm">
            {t('fields.attachmentFileId')}
          </Text>
        </Group>
        <FormError message={error} />
        {!has && (
          <Text fz="sm" c="dimmed" data-testid="attachment-none">
            {t('attachment.none')}
          </Text>
        )}
        <Group gap="sm">
          {has && (
            <Button
              variant="light"
              color="cham"
              leftSection={<IconDownload size={16} />}
              loading={downloading}
              onClick={download}
              data-testid="attachment-download"
            >
              {t('detail.openAttachment')}
            </Button>
          )}
          {canChange && (
            <FileButton onChange={pick} accept={ATTACHMENT_ACCEPT}>
              {(props) => (
                <Button
                  {...props}
                  variant={has ? 'default' : 'light'}
                  leftSection={<IconUpload size={16} />}
                  loading={upload.isPending}
                  disabled={remove.isPending}
                  data-testid="attachment-upload"
                >
                  {has ? t('attachment.replace') : t('attachment.upload')}
                </Button>
              )}
            </FileButton>
          )}
          {canChange && has && (
            <Button
              variant="subtle"
              color="lacquer"
              leftSection={<IconTrash size={16} />}
              disabled={upload.isPending}
              onClick={() => setConfirming(true)}
              data-testid="attachment-remove"
            >
              {t('attachment.remove')}
            </Button>
          )}
        </Group>
        {canChange && (
          <Text fz="xs" c="dimmed">
            {reconfirm ? t('attachment.hintReconfirm') : t('attachment.hint')}
          </Text>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('attachment.removeTitle')}
        centered
      >
        <Stack gap="sm">
          <Text fz="sm">{reconfirm ? t('attachment.removeBodyReconfirm') : t('attachment.removeBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('detail.back')}
            </Button>
            <Button
              color="lacquer"
              loading={remove.isPending}
              onClick={confirmRemove}
              data-testid="attachment-remove-submit"
            >
              {t('attachment.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
