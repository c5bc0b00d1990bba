import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PublicBooth } from '@craftmatch/shared';
import { currentPublicLanguage } from '../../../lib/i18n';
import { formatDate } from './format';

/** Where to find the maker at the current fair. */
export function BoothCard({ booth }: { booth: PublicBooth | null }) {
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentPublicLanguage(i18n.resolvedLanguage);
  return (
    <Paper withBorder p="md" data-testid="booth-card">
      <Group gap="xs" mb="xs">
        <IconBuildingStore size={18} color="var(--mantine-color-lacquer-6)" />
        {/* a section of the page of its own, right after the h1 on the product and exhibitor pages */}
        <Title order={2} fz="md">
          {t('product.booth')}
        </Title>
      </Group>
      {booth ? (
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={700} fz="lg" c="lacquer.7">
              {t('product.boothCode', { code: booth.code })}
            </Text>
            {booth.fairStatus === 'live' && (
              <Badge color="celadon" variant="light">
                {t('product.live')}
              </Badge>
            )}
          </Group>
          {booth.hallName && <Text fz="sm">{t('product.hall', { hall: booth.hallName })}</Text>}
          <Text fz="sm" fw={600}>
            {lng === 'vi' ? booth.fairNameVi : booth.fairNameEn}
          </Text>
          <Text fz="sm" c="dimmed">
            {booth.venue}
          </Text>
          {booth.firstDay && booth.lastDay && (
            <Text fz="sm" c="dimmed">
              {t('product.fairDates', {
                from: formatDate(booth.firstDay, lng),
                to: formatDate(booth.lastDay, lng),
              })}
            </Text>
          )}
        </Stack>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('product.noBooth')}
        </Text>
      )}
    </Paper>
  );
}
