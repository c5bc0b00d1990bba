import { Badge, type BadgeProps } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconCircleX, IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompanyStatus } from '@craftmatch/shared';

const look: Record<CompanyStatus, { color: string; icon: typeof IconCircleCheck }> = {
  pending: { color: 'rattan', icon: IconClockHour4 },
  approved: { color: 'celadon', icon: IconCircleCheck },
  rejected: { color: 'lacquer', icon: IconCircleX },
  suspended: { color: 'cham', icon: IconBan },
};

interface CompanyStatusBadgeProps extends Omit<BadgeProps, 'children' | 'color'> {
  status: CompanyStatus;
  'data-testid'?: string;
}

/** Filled badges: gold and celadon carry dark text, lacquer white text (all AA). */
export function CompanyStatusBadge({ status, size = 'md', ...rest }: CompanyStatusBadgeProps) {
  const { t } = useTranslation('companies');
  const { color, icon: Icon } = look[status];
  return (
    <Badge
      color={color}
      variant="filled"
      size={size}
      leftSection={<Icon size={14} stroke={2} />}
      data-status={status}
      {...rest}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
