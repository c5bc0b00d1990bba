import { useState } from 'react';
import { Alert, Avatar, Button, Card, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FILE_MAX_BYTES, IMAGE_MIME_TYPES, type ExhibitorProfile } from '@craftmatch/shared';
import { errorMessageOf } from '../../../lib/api-client';
import { useRemoveLogo } from '../api/remove-logo';
import { useUploadLogo } from '../api/upload-logo';
import { ConfirmDialog } from './ConfirmDialog';

function initials(name: string) {
  const words = name.trim().split(/\s+/);
  return (
    (words[0]?.[0] ?? '') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

export function LogoCard({ profile }: { profile: ExhibitorProfile }) {
  const { t } = useTranslation(['exhibitors', 'errors']);
  const upload = useUploadLogo(profile.companyId);
  const remove = useRemoveLogo(profile.companyId);
  const [confirming, setConfirming] = useState(false);
  const error = upload.error ?? remove.error;

  return (
    <Card>
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('sections.logo')}
        </Title>
        <Group gap="lg" wrap="nowrap" align="center">
          {profile.logo ? (
            <Image
              src={profile.logo.thumbUrl ?? profile.logo.url}
              alt={t('logo.alt', { name: profile.companyName })}
              w={96}
              h={96}
              fit="contain"
              radius="md"
              bg="white"
              style={{ border: '1px solid var(--mantine-color-default-border)' }}
              data-testid="logo-preview"
            />
          ) : (
            <Avatar size={96} radius="md" color="cham" aria-label={t('logo.empty')}>
              {initials(profile.companyName)}
            </Avatar>
          )}
          <Stack gap="xs" style={{ minWidth: 0 }}>
            <Group gap="xs">
              <FileButton
                accept={IMAGE_MIME_TYPES.join(',')}
                onChange={(file) =>
                  file &&
                  upload.mutate(file, {
                    onSuccess: () => notifications.show({ color: 'celadon', message: t('logo.uploaded') }),
                  })
                }
              >
                {(props) => (
                  <Button
                    {...props}
                    size="xs"
                    leftSection={<IconPhotoUp size={16} />}
                    loading={upload.isPending}
                  >
                    {profile.logo ? t('logo.replace') : t('logo.upload')}
                  </Button>
                )}
              </FileButton>
              {profile.logo && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="lacquer"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setConfirming(true)}
                >
                  {t('logo.remove')}
                </Button>
              )}
            </Group>
            <Text fz="xs" c="dimmed">
              {t('logo.hint', { maxMb: DEFAULT_FILE_MAX_BYTES / (1024 * 1024) })}
            </Text>
          </Stack>
        </Group>
        {error && (
          <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {errorMessageOf(error, t)}
          </Alert>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('logo.removeTitle')}
        body={t('logo.removeBody')}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      />
    </Card>
  );
}
