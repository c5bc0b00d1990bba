import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark';

interface LogoProps {
  withTagline?: boolean;
  inverted?: boolean;
  size?: number;
}

export function Logo({ withTagline = false, inverted = false, size = 36 }: LogoProps) {
  const { t } = useTranslation('common');
  return (
    <Group gap="sm" wrap="nowrap">
      <BrandMark size={size} />
      <Stack gap={0}>
        <Text
          fw={700}
          fz={size > 40 ? 'xl' : 'lg'}
          lh={1.1}
          c={inverted ? '#FFFDF8' : 'cham.6'}
          style={{ letterSpacing: '-0.01em' }}
        >
          {t('appName')}
        </Text>
        {withTagline && (
          <Text fz="xs" lh={1.3} c={inverted ? 'rgba(255,253,248,0.85)' : 'dimmed'}>
            {t('tagline')}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
