import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDevices } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@craftmatch/shared';
import { ErrorState, FormError, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useRevokeSession, useSessions } from '../api/sessions';

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A short name for a browser's user agent ("Firefox · Linux"), or the raw text when unknown. */
export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? userAgent.slice(0, 80);
}

function SessionRow({
  session,
  onEnd,
  ending,
}: {
  session: SessionInfo;
  onEnd: () => void;
  ending: boolean;
}) {
  const { t, i18n } = useTranslation('privacy');
  const language = currentLanguage(i18n.resolvedLanguage);
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" data-testid="session-row">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap="xs">
          <Text fw={600} fz="sm" truncate>
            {deviceName(session.userAgent) ?? t('sessions.unknownDevice')}
          </Text>
          {session.current && (
            <Badge size="sm" color="celadon" variant="light">
              {t('sessions.current')}
            </Badge>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {t('sessions.details', {
            ip: session.ip ?? '—',
            since: formatDateTime(session.createdAt, language),
            lastUsed: formatRelative(session.lastUsedAt, language),
          })}
        </Text>
      </Stack>
      {!session.current && (
        <Button size="xs" variant="light" color="lacquer" loading={ending} onClick={onEnd}>
          {t('sessions.end')}
        </Button>
      )}
    </Group>
  );
}

export function SessionsCard() {
  const { t } = useTranslation(['privacy', 'errors']);
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const others = (sessions.data ?? []).filter((s) => !s.current);

  return (
    <Card data-testid="sessions-card">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <IconDevices size={20} />
          <Title order={3} fz="lg">
            {t('sessions.title')}
          </Title>
        </Group>
        {others.length > 0 && (
          <Button
            size="xs"
            variant="subtle"
            color="lacquer"
            loading={revoke.isPending && revoke.variables === null}
            onClick={() => revoke.mutate(null)}
          >
            {t('sessions.endOthers')}
          </Button>
        )}
      </Group>
      <Text fz="sm" c="dimmed" mb="md">
        {t('sessions.intro')}
      </Text>
      {sessions.isPending ? (
        <ListSkeleton rows={2} />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Stack gap="md">
          {sessions.data.map((s) => (
            <SessionRow
              key={s.id}
              session={s}
              ending={revoke.isPending && revoke.variables === s.id}
              onEnd={() => revoke.mutate(s.id)}
            />
          ))}
        </Stack>
      )}
      {revoke.isError && <FormError message={errorMessageOf(revoke.error, t)} />}
    </Card>
  );
}
