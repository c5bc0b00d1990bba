import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { useDeleteAccount } from '../api/delete-account';
import { useDownloadMyData } from '../api/my-data';

export function MyDataCard() {
  const { t } = useTranslation(['privacy', 'errors']);
  const download = useDownloadMyData();
  return (
    <Card data-testid="my-data-card">
      <Title order={3} fz="lg" mb="xs">
        {t('data.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('data.intro')}{' '}
        <Anchor component={Link} to="/privacy" inherit>
          {t('data.notice')}
        </Anchor>
      </Text>
      <Group>
        <Button
          leftSection={<IconDownload size={16} />}
          variant="light"
          loading={download.isPending}
          onClick={() => download.mutate()}
        >
          {t('data.download')}
        </Button>
      </Group>
      {download.isError && <FormError message={errorMessageOf(download.error, t)} />}
    </Card>
  );
}

export function DeleteAccountCard() {
  const { t } = useTranslation(['privacy', 'errors']);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const remove = useDeleteAccount();
  const close = () => {
    setOpen(false);
    setPassword('');
    remove.reset();
  };
  return (
    <Card data-testid="delete-account-card">
      <Title order={3} fz="lg" mb="xs" c="lacquer.8">
        {t('delete.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('delete.intro')}
      </Text>
      <Group>
        <Button
          color="lacquer"
          variant="outline"
          leftSection={<IconTrash size={16} />}
          onClick={() => setOpen(true)}
        >
          {t('delete.open')}
        </Button>
      </Group>
      <Modal opened={open} onClose={close} title={t('delete.confirmTitle')} centered>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (password) remove.mutate({ password });
          }}
        >
          <Stack gap="md">
            <Alert color="lacquer" variant="light">
              {t('delete.consequences')}
            </Alert>
            <PasswordInput
              label={t('delete.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              data-autofocus
            />
            {remove.isError && <FormError message={errorMessageOf(remove.error, t)} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('delete.cancel')}
              </Button>
              <Button type="submit" color="lacquer" loading={remove.isPending} disabled={!password}>
                {t('delete.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
