import { Alert, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBan, IconCircleCheck, IconClockHour4, IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompanyStatus } from '@craftmatch/shared';
import { CompanyStatusBadge } from '../../../components/CompanyStatusBadge';

interface CompanyStatusCardProps {
  name: string;
  status: CompanyStatus;
  reason: string | null;
}

const icons = {
  pending: IconClockHour4,
  approved: IconCircleCheck,
  rejected: IconMessageReport,
  suspended: IconBan,
};
const colors = { pending: 'rattan', approved: 'celadon', rejected: 'lacquer', suspended: 'cham' };

export function CompanyStatusCard({ name, status, reason }: CompanyStatusCardProps) {
  const { t } = useTranslation('companies');
  const Icon = icons[status];
  return (
    <Card
      data-testid="company-status-card"
      style={{ borderTop: `4px solid var(--mantine-color-${colors[status]}-6)` }}
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon size={48} radius="xl" variant="light" color={colors[status]} visibleFrom="xs">
          <Icon size={26} stroke={1.6} />
        </ThemeIcon>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Title order={3} fz="lg">
              {t('my.statusTitle')}
            </Title>
            <CompanyStatusBadge status={status} size="lg" data-testid="company-status" />
          </Group>
          <Text aria-live="polite">{t(`my.statusBody.${status}`, { name })}</Text>
          {(status === 'rejected' || status === 'suspended') && reason && (
            <Alert
              color="lacquer"
              variant="light"
              title={t('my.reasonTitle')}
              data-testid="company-status-reason"
            >
              {reason}
            </Alert>
          )}
        </Stack>
      </Group>
    </Card>
  );
}
