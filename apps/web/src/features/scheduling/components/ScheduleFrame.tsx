import type { ReactNode } from 'react';
import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Fair } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, PageLoader } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useScheduleFair } from '../api/fair';

interface ScheduleFrameProps {
  fairId: string;
  children: (fair: Fair) => ReactNode;
}

/** Beside the fair's meeting desk: the way back to it, the fair's name, and the page once the fair loads. */
export function ScheduleFrame({ fairId, children }: ScheduleFrameProps) {
  const { t, i18n } = useTranslation('schedulingWeb');
  const language = currentLanguage(i18n.language);
  const fair = useScheduleFair(fairId);

  if (fair.isPending) return <PageLoader />;
  if (fair.isError) return <ErrorState error={fair.error} onRetry={() => void fair.refetch()} />;
  const name = language === 'vi' ? fair.data.nameVi : fair.data.nameEn;
  const fairPath = `/organizer/fairs/${encodeURIComponent(fairId)}`;

  return (
    <>
      <Group gap="md" wrap="wrap">
        <Anchor component={Link} to={`${fairPath}/meetings`} fz="sm" data-testid="back-to-desk">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('frame.backToDesk')}
          </Group>
        </Anchor>
        <Anchor component={Link} to={fairPath} fz="sm">
          {t('frame.fairSettings')}
        </Anchor>
      </Group>
      <PageHeader title={t('frame.title')} subtitle={name} />
      {children(fair.data)}
    </>
  );
}
