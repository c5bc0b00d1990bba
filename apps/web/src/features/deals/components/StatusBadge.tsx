import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContractStatus, SampleStatus } from '@craftmatch/shared';

const CONTRACT_COLORS: Record<ContractStatus, string> = {
  declared: 'rattan',
  confirmed: 'celadon',
  disputed: 'lacquer',
  cancelled: 'gray',
};

const SAMPLE_COLORS: Record<SampleStatus, string> = {
  requested: 'rattan',
  sent: 'cham',
  received: 'cham',
  approved: 'celadon',
  rejected: 'lacquer',
};

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const { t } = useTranslation('deals');
  return (
    <Badge
      component="span"
      color={CONTRACT_COLORS[status]}
      variant="light"
      data-testid="contract-status"
      data-status={status}
    >
      {t(`contractStatus.${status}`)}
    </Badge>
  );
}

export function SampleStatusBadge({ status }: { status: SampleStatus }) {
  const { t } = useTranslation('deals');
  return (
    <Badge
      component="span"
      color={SAMPLE_COLORS[status]}
      variant="light"
      data-testid="sample-status"
      data-status={status}
    >
      {t(`sampleStatus.${status}`)}
    </Badge>
  );
}
