import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoothStatus } from '@craftmatch/shared';

const colors: Record<BoothStatus, string> = {
  pending: 'rattan',
  approved: 'celadon',
  rejected: 'lacquer',
  withdrawn: 'gray',
};

export function BoothStatusBadge({ status }: { status: BoothStatus }) {
  const { t } = useTranslation('booths');
  return (
    <Badge color={colors[status]} variant="filled" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
