import type { ReactNode } from 'react';
import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import {
  IconCalendarCheck,
  IconCalendarQuestion,
  IconCalendarStats,
  IconHandStop,
  IconLanguage,
  IconUserOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FairMeetingStats, Language, MeetingStatus } from '@craftmatch/shared';
import { intlLocale } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';

const formatCount = (n: number, language: Language) => new Intl.NumberFormat(intlLocale(language)).format(n);

/** "0.2500" → "25%"; a ratio for display, never money. */
export function formatRate(rate: string, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    Number(rate),
  );
}

interface CardProps {
  label: string;
  value: string;
  hint?: string;
  icon: ReactNode;
  color: string;
  testId: string;
  onClick?: () => void;
  active?: boolean;
}

function StatCard({ label, value, hint, icon, color, testId, onClick, active }: CardProps) {
  const body = (
    <Paper
      withBorder
      p="md"
      radius="md"
      h="100%"
      data-testid={testId}
      style={active ? { borderColor: 'var(--mantine-color-cham-6)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
            {label}
          </Text>
          <Text fz={28} fw={700} className="tabular" lh={1.2} data-testid={`${testId}-value`}>
            {value}
          </Text>
          {hint && (
            <Text fz="xs" c="dimmed" className="tabular">
              {hint}
            </Text>
          )}
        </Stack>
        <ThemeIcon size={40} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
  if (!onClick) return body;
  return (
    <UnstyledButton onClick={onClick} aria-pressed={active} style={{ display: 'block', height: '100%' }}>
      {body}
    </UnstyledButton>
  );
}

interface StatCardsProps {
  stats: FairMeetingStats;
  /** the status the list is filtered by, highlighted */
  activeStatus?: MeetingStatus;
  onStatus?: (status: MeetingStatus | undefined) => void;
  onWaiting?: () => void;
}

/** A fair's meetings at a glance: counts by status, the no-show rate, and who still needs an interpreter. */
export function StatCards({ stats, activeStatus, onStatus, onWaiting }: StatCardsProps) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const n = (count: number) => formatCount(count, language);
  const toggle = (status: MeetingStatus) => () => onStatus?.(activeStatus === status ? undefined : status);
  const ended = stats.byStatus.held + stats.byStatus.no_show;
  const others = stats.byStatus.declined + stats.byStatus.cancelled + stats.byStatus.expired;

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="md" data-testid="stat-cards">
      <StatCard
        label={t('stats.total')}
        value={n(stats.total)}
        hint={t('stats.closedHint', {
          declined: n(stats.byStatus.declined),
          cancelled: n(stats.byStatus.cancelled),
          expired: n(stats.byStatus.expired),
          count: others,
        })}
        icon={<IconCalendarStats size={22} />}
        color="cham"
        testId="stat-total"
        onClick={onStatus ? () => onStatus(undefined) : undefined}
        active={false}
      />
      <StatCard
        label={t('status.requested')}
        value={n(stats.byStatus.requested)}
        icon={<IconCalendarQuestion size={22} />}
        color="rattan"
        testId="stat-requested"
        onClick={onStatus ? toggle('requested') : undefined}
        active={activeStatus === 'requested'}
      />
      <StatCard
        label={t('status.accepted')}
        value={n(stats.byStatus.accepted)}
        icon={<IconCalendarCheck size={22} />}
        color="celadon"
        testId="stat-accepted"
        onClick={onStatus ? toggle('accepted') : undefined}
        active={activeStatus === 'accepted'}
      />
      <StatCard
        label={t('status.held')}
        value={n(stats.byStatus.held)}
        icon={<IconHandStop size={22} />}
        color="cham"
        testId="stat-held"
        onClick={onStatus ? toggle('held') : undefined}
        active={activeStatus === 'held'}
      />
      <StatCard
        label={t('stats.noShowRate')}
        value={stats.noShowRate === null ? '—' : formatRate(stats.noShowRate, language)}
        hint={
          stats.noShowRate === null
            ? t('stats.noShowNone')
            : t('stats.noShowHint', { noShow: n(stats.byStatus.no_show), ended: n(ended), count: ended })
        }
        icon={<IconUserOff size={22} />}
        color="lacquer"
        testId="stat-no-show"
        onClick={onStatus ? toggle('no_show') : undefined}
        active={activeStatus === 'no_show'}
      />
      <StatCard
        label={t('stats.waiting')}
        value={n(stats.waitingForInterpreter)}
        hint={stats.waitingForInterpreter > 0 ? t('stats.waitingHint') : t('stats.waitingNone')}
        icon={<IconLanguage size={22} />}
        color={stats.waitingForInterpreter > 0 ? 'lacquer' : 'celadon'}
        testId="stat-waiting"
        onClick={onWaiting}
      />
    </SimpleGrid>
  );
}
