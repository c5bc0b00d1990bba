import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../lib/api-client';

export function PageLoader() {
  const { t } = useTranslation('common');
  return (
    <Center mih="60vh" role="status" aria-live="polite">
      <Stack align="center" gap="sm">
        <Loader color="cham" type="dots" />
        <Text c="dimmed" fz="sm">
          {t('states.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** Placeholder rows while a list loads. */
export function ListSkeleton({ rows = 4, height = 56 }: { rows?: number; height?: number }) {
  const { t } = useTranslation('common');
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t('states.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} radius="md" />
      ))}
    </Stack>
  );
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  /** The title's heading level: 1 when the state is the whole page (nothing else names it). */
  titleOrder?: 1 | 2 | 3 | 4;
}

export function ErrorState({ error, onRetry, title, titleOrder = 4 }: ErrorStateProps) {
  const { t } = useTranslation('common');
  return (
    <Paper withBorder p="xl" role="alert">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={48} radius="xl" color="lacquer" variant="light">
          <IconAlertTriangle size={26} stroke={1.6} />
        </ThemeIcon>
        <Title order={titleOrder} size={titleOrder < 4 ? 'h4' : undefined}>
          {title ?? t('states.errorTitle')}
        </Title>
        <Text c="dimmed" maw={460}>
          {errorMessageOf(error, t)}
        </Text>
        {onRetry && (
          <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  body: string;
  action?: ReactNode;
  /** The title's heading level: 1 when the state is the whole page (nothing else names it). */
  titleOrder?: 1 | 2 | 3 | 4;
}

export function EmptyState({ icon, title, body, action, titleOrder = 4 }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" style={{ borderStyle: 'dashed' }}>
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={56} radius="xl" color="celadon" variant="light">
          {icon}
        </ThemeIcon>
        <Title order={titleOrder} size={titleOrder < 4 ? 'h4' : undefined} mt="xs">
          {title}
        </Title>
        <Text c="dimmed" maw={480}>
          {body}
        </Text>
        {action && <Group mt="sm">{action}</Group>}
      </Stack>
    </Paper>
  );
}

/** A form's server-side error (already translated by the API), shown above its fields. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
      {message}
    </Alert>
  );
}
