import type { ReactNode } from 'react';
import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconArrowRight,
  IconBuildingStore,
  IconCalendarEvent,
  IconChecklist,
  IconMailCheck,
  IconUserPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, type Me } from '@craftmatch/shared';
import { CompanyStatusBadge } from '../../../components/CompanyStatusBadge';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState } from '../../../components/StateViews';
import { useMe } from '../../../lib/session';
import { usePendingCount } from '../api/get-pending-count';

function Step({
  icon,
  title,
  body,
  action,
  done = false,
}: {
  icon: ReactNode;
  title: string;
  body: string;
  action?: ReactNode;
  done?: boolean;
}) {
  return (
    <Card>
      <Stack gap="sm" h="100%">
        <ThemeIcon size={42} radius="md" variant="light" color={done ? 'celadon' : 'cham'}>
          {icon}
        </ThemeIcon>
        <Title order={3} fz="md">
          {title}
        </Title>
        <Text fz="sm" c="dimmed" style={{ flex: 1 }}>
          {body}
        </Text>
        {action}
      </Stack>
    </Card>
  );
}

function OrganizerHome({ me }: { me: Me }) {
  const { t } = useTranslation('common');
  const canList = hasPermission(me.role, 'companies.list');
  const pending = usePendingCount(canList);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
      {canList && (
        <Card style={{ borderTop: '4px solid var(--mantine-color-rattan-6)' }}>
          <Stack gap="xs">
            <Text fz="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {t('home.organizer.pendingLabel')}
            </Text>
            {pending.isPending ? (
              <Skeleton height={44} width={80} />
            ) : pending.isError ? (
              <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
            ) : (
              <Text fz={44} fw={700} lh={1} className="tabular" c="cham.6" data-testid="pending-count">
                {pending.data}
              </Text>
            )}
            <Text fz="sm" c="dimmed">
              {pending.data === 0
                ? t('home.organizer.pendingNone')
                : t('home.organizer.pendingHint', { count: pending.data ?? 0 })}
            </Text>
            <Button
              component={Link}
              to="/organizer/companies"
              variant="light"
              rightSection={<IconArrowRight size={16} />}
              mt="xs"
            >
              {t('home.organizer.openQueue')}
            </Button>
          </Stack>
        </Card>
      )}
      {hasPermission(me.role, 'staff.invite') && (
        <Step
          icon={<IconUserPlus size={22} />}
          title={t('home.organizer.staffTitle')}
          body={t('home.organizer.staffBody')}
          action={
            <Button
              component={Link}
              to="/organizer/staff"
              variant="subtle"
              rightSection={<IconArrowRight size={16} />}
              px={0}
              w="fit-content"
            >
              {t('home.organizer.staffAction')}
            </Button>
          }
        />
      )}
      <Step icon={<IconCalendarEvent size={22} />} title={t('home.soon.title')} body={t('home.soon.body')} />
    </SimpleGrid>
  );
}

function CompanyHome({ me }: { me: Me }) {
  const { t } = useTranslation(['common', 'companies']);
  const company = me.company;
  if (!company) return null;
  return (
    <Stack gap="lg">
      <Card style={{ borderLeft: '4px solid var(--mantine-color-lacquer-6)' }}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={44} radius="md" variant="light" color="lacquer">
              <IconBuildingStore size={24} />
            </ThemeIcon>
            <Stack gap={0}>
              <Text fw={600} fz="lg">
                {company.name}
              </Text>
              <Text fz="sm" c="dimmed">
                {t(`companies:kinds.${company.kind}`)}
              </Text>
            </Stack>
          </Group>
          <Group gap="sm">
            <CompanyStatusBadge status={company.status} size="lg" />
            <Button
              component={Link}
              to="/company"
              variant="light"
              rightSection={<IconArrowRight size={16} />}
            >
              {t('home.company.open')}
            </Button>
          </Group>
        </Group>
      </Card>
      <Title order={2} fz="xl">
        {t('home.company.nextSteps')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        <Step
          icon={<IconMailCheck size={22} />}
          done={me.emailVerified}
          title={t(me.emailVerified ? 'home.company.emailDone' : 'home.company.emailTitle')}
          body={t(me.emailVerified ? 'home.company.emailDoneBody' : 'home.company.emailBody', {
            email: me.email,
          })}
        />
        <Step
          icon={<IconChecklist size={22} />}
          done={company.status === 'approved'}
          title={t(`home.company.review.${company.status}.title`)}
          body={t(`home.company.review.${company.status}.body`)}
        />
        <Step
          icon={<IconUsersGroup size={22} />}
          title={t('home.company.teamTitle')}
          body={t('home.company.teamBody')}
          action={
            <Button
              component={Link}
              to="/company/team"
              variant="subtle"
              rightSection={<IconArrowRight size={16} />}
              px={0}
              w="fit-content"
            >
              {t('home.company.teamAction')}
            </Button>
          }
        />
      </SimpleGrid>
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useTranslation('common');
  const me = useMe();
  if (me.isPending) return <Skeleton height={220} radius="lg" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: me.data.fullName })}
        subtitle={t(`home.intro.${me.data.role}`)}
      />
      {me.data.company ? <CompanyHome me={me.data} /> : <OrganizerHome me={me.data} />}
    </>
  );
}
