import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FairSummary } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';
import { formatDateRange } from './fair-time';
import { FairStatusBadge } from './FairStatusBadge';

export function FairCard({ fair }: { fair: FairSummary }) {
  const { t, i18n } = useTranslation('fairs');
  const lng = currentLanguage(i18n.language);
  const range = formatDateRange(fair.startDate, fair.endDate, lng);
  return (
    <Card withBorder padding="lg" radius="md" data-testid={`fair-card-${fair.slug}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} fz="lg" c="cham.6">
            {lng === 'vi' ? fair.nameVi : fair.nameEn}
          </Title>
          <FairStatusBadge status={fair.status} />
        </Group>
        {range && (
          <Group gap={6} c="dimmed" fz="sm" wrap="nowrap">
            <IconCalendarEvent size={16} />
            <Text fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {range}
            </Text>
          </Group>
        )}
        <Group gap={6} c="dimmed" wrap="nowrap">
          <IconMapPin size={16} />
          <Text fz="sm">{fair.venue}</Text>
        </Group>
        <Group justify="space-between" mt="xs">
          <Text fz="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('list.halls', { count: fair.hallCount })} · {t('list.booths', { count: fair.boothCount })}
          </Text>
          <Button component={Link} to={`/fairs/${fair.slug}`} variant="light" color="cham" size="xs">
            {t('list.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
