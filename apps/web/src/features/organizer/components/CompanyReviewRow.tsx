import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconMail, IconMapPin, IconUsers, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '@craftmatch/shared';
import { CompanyStatusBadge } from '../../../components/CompanyStatusBadge';
import { countryName, formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';

interface CompanyReviewRowProps {
  company: CompanySummary;
  canReview: boolean;
  approving: boolean;
  onApprove: () => void;
  onReject: () => void;
}

export function CompanyReviewRow({
  company,
  canReview,
  approving,
  onApprove,
  onReject,
}: CompanyReviewRowProps) {
  const { t, i18n } = useTranslation(['organizer', 'companies']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const country = countryName(company.countryCode, language);

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid={`company-row-${company.id}`}
      data-company-name={company.name}
      component="article"
    >
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} fz="lg" lh={1.25}>
              {company.name}
            </Text>
            <Badge variant="light" color={company.kind === 'exhibitor' ? 'lacquer' : 'cham'} size="sm">
              {t(`companies:kinds.${company.kind}`)}
            </Badge>
            {company.status !== 'pending' && <CompanyStatusBadge status={company.status} size="sm" />}
          </Group>
          <Group gap="md" c="dimmed" fz="sm" wrap="wrap">
            {company.ownerEmail && (
              <Group gap={4} wrap="nowrap">
                <IconMail size={14} />
                <Text span fz="sm" c="dimmed">
                  {company.ownerEmail}
                </Text>
              </Group>
            )}
            {country && (
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={14} />
                <Text span fz="sm" c="dimmed">
                  {country}
                </Text>
              </Group>
            )}
            <Group gap={4} wrap="nowrap">
              <IconUsers size={14} />
              <Text span fz="sm" c="dimmed" className="tabular">
                {t('companies:my.facts.memberCount', { count: company.memberCount })}
              </Text>
            </Group>
          </Group>
          <Text fz="xs" c="dimmed" className="tabular">
            {company.reviewedAt
              ? t('queue.reviewedOn', { date: formatDate(company.reviewedAt, language) })
              : t('queue.registeredOn', { date: formatDate(company.createdAt, language) })}
          </Text>
          {company.status === 'rejected' && company.statusReason && (
            <Text fz="sm" c="lacquer.7">
              {t('queue.reason', { reason: company.statusReason })}
            </Text>
          )}
        </Stack>
        {canReview && company.status === 'pending' && (
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              color="lacquer"
              leftSection={<IconX size={16} />}
              onClick={onReject}
              disabled={approving}
            >
              {t('queue.reject')}
            </Button>
            <Button
              color="cham"
              leftSection={<IconCheck size={16} />}
              loading={approving}
              onClick={onApprove}
            >
              {t('queue.approve')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
