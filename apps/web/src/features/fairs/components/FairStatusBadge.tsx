import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FairStatus } from '@craftmatch/shared';

const colors: Record<FairStatus, string> = {
  draft: 'gray',
  registration: 'rattan',
  live: 'lacquer',
  closed: 'cham',
};

export function FairStatusBadge({
  status,
  ...rest
}: { status: FairStatus } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation('fairs');
  return (
    <Badge
      color={colors[status]}
      variant={status === 'closed' ? 'light' : 'filled'}
      data-status={status}
      {...rest}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
