import { Badge, type BadgeProps } from '@mantine/core';
import { IconCircleCheck, IconEyeOff, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProductStatus } from '@craftmatch/shared';

const look: Record<ProductStatus, { color: string; icon: typeof IconPencil }> = {
  draft: { color: 'rattan', icon: IconPencil },
  published: { color: 'celadon', icon: IconCircleCheck },
  unpublished: { color: 'lacquer', icon: IconEyeOff },
};

export function ProductStatusBadge({
  status,
  size = 'sm',
}: {
  status: ProductStatus;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation('products');
  const { color, icon: Icon } = look[status];
  return (
    <Badge
      color={color}
      variant="filled"
      size={size}
      leftSection={<Icon size={12} stroke={2} />}
      data-status={status}
      data-testid="product-status"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
