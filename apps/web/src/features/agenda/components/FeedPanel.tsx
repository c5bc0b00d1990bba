import { useState } from 'react';
import { Button, CopyButton, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarShare, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarFeedToken } from '@craftmatch/shared';
import { FormError } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { useCreateFeedToken, useFeedToken } from '../api/feed-token';

/** The private calendar subscription link: made on demand, shown once, regenerated after a warning. */
export function FeedPanel() {
  const { t, i18n } = useTranslation(['calendar', 'meetings']);
  const lng = currentLanguage(i18n.resolvedLanguage);
  const status = useFeedToken();
  const create = useCreateFeedToken();
  const [fresh, setFresh] = useState<CalendarFeedToken | null>(null);
  const [confirming, setConfirming] = useState(false);
  const make = () =>
    create.mutate(undefined, {
      onSuccess: (token) => {
        setFresh(token);
        setConfirming(false);
      },
    });
  const active = status.data?.active ?? false;

  return (
    <Paper withBorder p="md" className="agenda-no-print" data-testid="feed-panel">
      <Stack gap="xs">
        <Group gap="xs">
          <IconCalendarShare size={20} aria-hidden />
          <Title order={2} fz="md">
            {t('feed.title')}
          </Title>
        </Group>
        <Text fz="sm" c="dimmed">
          {t('feed.description')}
        </Text>
        {fresh ? (
          <Stack gap={6}>
            <Text fz="sm" fw={600} c="rattan.9">
              {t('feed.shownOnce')}
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                readOnly
                value={fresh.url}
                aria-label={t('feed.title')}
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="feed-url"
              />
              <CopyButton value={fresh.url}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'light' : 'filled'}
                    color={copied ? 'celadon.8' : 'cham'}
                    leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    onClick={copy}
                  >
                    {copied ? t('feed.copied') : t('feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text fz="xs">
              <a href={fresh.webcalUrl}>{t('meetings:agenda.openInCalendar')}</a>
            </Text>
          </Stack>
        ) : status.isPending ? null : active ? (
          <Text fz="sm">
            {status.data?.createdAt
              ? t('feed.createdAt', { date: formatDate(status.data.createdAt, lng) })
              : null}
          </Text>
        ) : (
          <Text fz="sm">{t('feed.none')}</Text>
        )}
        <FormError message={create.isError && !confirming ? errorMessageOf(create.error, t) : null} />
        <Group>
          {active || fresh ? (
            <Button
              variant="light"
              color="lacquer"
              leftSection={<IconRefresh size={16} />}
              onClick={() => setConfirming(true)}
              data-testid="feed-regenerate"
            >
              {t('feed.regenerate')}
            </Button>
          ) : (
            <Button color="cham" loading={create.isPending} onClick={make} data-testid="feed-create">
              {t('feed.create')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('feed.regenerate')} centered>
        <Stack gap="md">
          <Text fz="sm">{t('feed.regenerateConfirm')}</Text>
          <FormError message={create.isError ? errorMessageOf(create.error, t) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('meetings:actions.close')}
            </Button>
            <Button
              color="lacquer"
              loading={create.isPending}
              onClick={make}
              data-testid="feed-regenerate-confirm"
            >
              {t('feed.regenerate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
