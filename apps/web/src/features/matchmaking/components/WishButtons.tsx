import { Button, Group } from '@mantine/core';
import { IconHeart, IconStar, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WishLevel } from '@craftmatch/shared';

const ICONS = { must: IconStar, would: IconHeart, no_thanks: IconX } as const;
/** Dark shades, so white text on a chosen button keeps AA contrast. */
const COLORS = { must: 'cham', would: 'teal.9', no_thanks: 'gray.8' } as const;

/** Must meet / would meet / no thanks; pressing the chosen one again clears it. */
export function WishButtons({
  value,
  onChange,
  disabled,
  levels = ['must', 'would', 'no_thanks'],
}: {
  value: WishLevel | null;
  onChange: (level: WishLevel | null) => void;
  disabled?: boolean;
  levels?: WishLevel[];
}) {
  const { t } = useTranslation('matchmaking');
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={t('wish.label')}>
      {levels.map((level) => {
        const Icon = ICONS[level];
        const active = value === level;
        return (
          <Button
            key={level}
            size="xs"
            radius="xl"
            color={COLORS[level]}
            variant={active ? 'filled' : 'default'}
            leftSection={<Icon size={14} />}
            aria-pressed={active}
            disabled={disabled}
            title={level === 'no_thanks' ? t('wish.noThanksHint') : undefined}
            onClick={() => onChange(active ? null : level)}
            data-testid={`wish-${level}`}
          >
            {t(`wish.${level}`)}
          </Button>
        );
      })}
    </Group>
  );
}
