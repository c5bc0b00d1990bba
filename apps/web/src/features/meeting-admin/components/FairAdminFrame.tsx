import type { ReactNode } from 'react';
import { Anchor, Group, Tabs } from '@mantine/core';
import {
  IconArrowLeft,
  IconCalendarStats,
  IconLanguage,
  IconLayoutBoard,
  IconUserStar,
  IconWand,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Fair } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, PageLoader } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useAdminFair } from '../api/get-fair';

export const ADMIN_TABS = ['meetings', 'interpreters', 'tables', 'buyers'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

const ICONS: Record<AdminTab, typeof IconCalendarStats> = {
  meetings: IconCalendarStats,
  interpreters: IconLanguage,
  tables: IconLayoutBoard,
  buyers: IconUserStar,
};

export const adminTabPath = (fairId: string, tab: AdminTab) =>
  `/organizer/fairs/${encodeURIComponent(fairId)}/${tab}`;

interface FairAdminFrameProps {
  fairId: string;
  tab: AdminTab;
  actions?: ReactNode;
  children: (fair: Fair) => ReactNode;
}

/** The organizer's B2B desk for one fair: its name, the four tabs, and the page below once the fair loads. */
export function FairAdminFrame({ fairId, tab, actions, children }: FairAdminFrameProps) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const navigate = useNavigate();
  const fair = useAdminFair(fairId);

  if (fair.isPending) return <PageLoader />;
  if (fair.isError) return <ErrorState error={fair.error} onRetry={() => void fair.refetch()} />;
  const name = language === 'vi' ? fair.data.nameVi : fair.data.nameEn;

  return (
    <>
      <Group gap="md" wrap="wrap">
        <Anchor component={Link} to="/organizer/meetings" fz="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('frame.allFairs')}
          </Group>
        </Anchor>
        <Anchor component={Link} to={`/organizer/fairs/${encodeURIComponent(fairId)}`} fz="sm">
          {t('frame.fairSettings')}
        </Anchor>
        <Anchor
          component={Link}
          to={`/organizer/fairs/${encodeURIComponent(fairId)}/schedule`}
          fz="sm"
          data-testid="open-schedule"
        >
          <Group gap={4}>
            <IconWand size={14} />
            {t('frame.schedule')}
          </Group>
        </Anchor>
      </Group>
      <PageHeader title={t(`frame.titles.${tab}`)} subtitle={name} actions={actions} />
      <Tabs
        value={tab}
        onChange={(next) => next && navigate(adminTabPath(fairId, next as AdminTab))}
        mb="lg"
        keepMounted={false}
      >
        <Tabs.List>
          {ADMIN_TABS.map((key) => {
            const Icon = ICONS[key];
            return (
              <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} stroke={1.6} />}>
                {t(`frame.tabs.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      {children(fair.data)}
    </>
  );
}
