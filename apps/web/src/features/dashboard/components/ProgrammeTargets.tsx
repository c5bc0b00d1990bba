import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_TARGETS, type ProgrammeTarget } from '@craftmatch/shared';
import { currentLanguage } from '../../../lib/i18n';
import { formatCount, formatUsd } from './format';

/** The programme's targets from the client's brief, shown as the client's figures, not as measured ones. */
export function ProgrammeTargets() {
  const { t, i18n } = useTranslation('dashboard');
  const language = currentLanguage(i18n.language);
  const value = (target: ProgrammeTarget) =>
    target.unit === 'usd' ? formatUsd(target.value, language) : formatCount(target.value, language);

  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-body)" data-testid="programme-targets">
      <Group justify="space-between" mb="sm" gap="xs">
        <Text fw={700}>{t('programme.title')}</Text>
        <Badge variant="outline" color="rattan">
          {t('programme.badge')}
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed" mb="md">
        {t('programme.note')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {PROGRAMME_TARGETS.map((target) => (
          <Stack key={target.key} gap={2}>
            <Text fz={22} fw={700} className="tabular" c="rattan.8">
              {value(target)}
            </Text>
            <Text fz="sm">{t(target.labelKey)}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
