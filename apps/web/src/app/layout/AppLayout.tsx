import { useEffect } from 'react';
import {
  Alert,
  AppShell,
  Avatar,
  Burger,
  Button,
  Container,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBell,
  IconBooks,
  IconBuildingStore,
  IconBriefcase,
  IconCalendarCog,
  IconCalendarEvent,
  IconCalendarStats,
  IconCalendarTime,
  IconCalendarUser,
  IconCurrencyDollar,
  IconChartBar,
  IconFileSpreadsheet,
  IconChevronDown,
  IconClipboardCheck,
  IconFlag,
  IconHome,
  IconId,
  IconLayoutGrid,
  IconLogout,
  IconMailExclamation,
  IconMessages,
  IconPackage,
  IconShieldLock,
  IconSparkles,
  IconUserPlus,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { SuspenseOutlet } from '../../components/SuspenseOutlet';
import { hasPermission, type Me } from '@craftmatch/shared';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/SkipLink';
import { Logo } from '../../components/Logo';
import { useLogout } from '../../features/auth/api/logout';
import { useResendVerification } from '../../features/auth/api/resend-verification';
import { NotificationsMenu } from '../../features/notifications/components/NotificationsMenu';
import { useMe } from '../../lib/session';
import { activeNavItem, type NavMatchable } from './nav-match';

interface NavItem extends NavMatchable {
  label: string;
  icon: typeof IconHome;
}

/** The per-fair desk pages belong to "B2B meetings", not to the "/organizer/fairs" prefix. */
const MEETING_DESK_PAGES = ['meetings', 'interpreters', 'tables', 'buyers', 'schedule'].map(
  (tab) => `/organizer/fairs/:id/${tab}`,
);

function navItems(me: Me | undefined, t: (key: string) => string): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: t('nav.home'), icon: IconHome, end: true }];
  if (me?.company) {
    items.push({ to: '/company', label: t('nav.company'), icon: IconBuildingStore, end: true });
    if (me.company.kind === 'exhibitor')
      items.push({ to: '/company/profile', label: t('exhibitors:nav.profile'), icon: IconId });
    if (me.company.kind === 'buyer')
      items.push({ to: '/company/buyer-profile', label: t('buyers:nav.profile'), icon: IconWorld });
    items.push({ to: '/company/team', label: t('nav.team'), icon: IconUsers });
    if (me.company.kind === 'exhibitor')
      items.push({ to: '/products', label: t('products:nav.products'), icon: IconPackage });
    if (me.company.kind === 'exhibitor')
      items.push({ to: '/inquiries', label: t('catalogue:nav.inquiries'), icon: IconMessages });
    if (me.company.kind === 'exhibitor')
      items.push({ to: '/booths/apply', label: t('booths:nav.apply'), icon: IconLayoutGrid });
    items.push({ to: '/meetings', label: t('meetings:nav.meetings'), icon: IconCalendarUser });
    items.push({ to: '/agenda', label: t('meetings:nav.agenda'), icon: IconCalendarTime });
    if (me.company.kind === 'exhibitor' || me.company.kind === 'buyer')
      items.push({ to: '/matchmaking', label: t('matchmaking:nav.recommendations'), icon: IconSparkles });
    if (me.company.kind === 'exhibitor' || me.company.kind === 'buyer')
      items.push({
        to: '/deals/pipeline',
        also: ['/deals'],
        label: t('deals:nav.deals'),
        icon: IconBriefcase,
      });
  }
  if (hasPermission(me?.role, 'companies.list'))
    items.push({ to: '/organizer/companies', label: t('nav.approvals'), icon: IconClipboardCheck });
  if (hasPermission(me?.role, 'companies.list'))
    items.push({ to: '/organizer/moderation', label: t('products:nav.moderation'), icon: IconFlag });
  if (hasPermission(me?.role, 'fairs.read'))
    items.push({ to: '/organizer/fairs', label: t('fairs:nav.manage'), icon: IconCalendarCog });
  if (hasPermission(me?.role, 'fairs.read'))
    items.push({
      to: '/organizer/meetings',
      also: MEETING_DESK_PAGES,
      label: t('meetingAdmin:nav.meetings'),
      icon: IconCalendarStats,
    });
  if (hasPermission(me?.role, 'fairs.read'))
    items.push({ to: '/organizer/dashboard', label: t('dashboard:nav.dashboard'), icon: IconChartBar });
  if (hasPermission(me?.role, 'fairs.read'))
    items.push({ to: '/organizer/fx-rates', label: t('dashboard:nav.fxRates'), icon: IconCurrencyDollar });
  if (hasPermission(me?.role, 'fairs.manage'))
    items.push({ to: '/organizer/data', label: t('dataExchange:nav.data'), icon: IconFileSpreadsheet });
  if (me?.role === 'interpreter')
    items.push({ to: '/agenda', label: t('meetings:nav.agenda'), icon: IconCalendarTime });
  if (hasPermission(me?.role, 'staff.invite'))
    items.push({ to: '/organizer/staff', label: t('nav.staff'), icon: IconUserPlus });
  items.push({ to: '/notifications', label: t('nav.notifications'), icon: IconBell });
  items.push({ to: '/catalogue', label: t('catalogue:nav.catalogue'), icon: IconBooks });
  items.push({ to: '/fairs', label: t('fairs:nav.fairs'), icon: IconCalendarEvent, end: true });
  return items;
}

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation('common');
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        {/* Named by its text: "Account", then the name and role where they show. */}
        <UnstyledButton data-testid="user-menu">
          <VisuallyHidden>{t('nav.account')}</VisuallyHidden>
          <Group gap={8} wrap="nowrap">
            <Avatar color="lacquer" radius="xl" size={34} aria-hidden>
              {initials(me.fullName)}
            </Avatar>
            <Stack gap={0} visibleFrom="md" maw={160}>
              <Text fz="sm" fw={600} truncate>
                {me.fullName}
              </Text>
              <Text fz="xs" c="dimmed" truncate>
                {t(`roles.${me.role}`)}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('nav.signedInAs', { email: me.email })}</Menu.Label>
        <Menu.Item
          component={Link}
          to="/account"
          leftSection={<IconShieldLock size={16} />}
          data-testid="account-settings"
        >
          {t('privacy:nav.account')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          color="lacquer"
          onClick={() => logout.mutate()}
          data-testid="sign-out"
        >
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function VerifyEmailBanner({ email }: { email: string }) {
  const { t } = useTranslation('common');
  const resend = useResendVerification();
  return (
    <Alert
      color="rattan"
      variant="light"
      icon={<IconMailExclamation size={20} />}
      mb="lg"
      title={t('verifyBanner.title')}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fz="sm">{t('verifyBanner.body', { email })}</Text>
        {resend.isSuccess ? (
          <Text fz="sm" fw={600} c="celadon.9">
            {t('verifyBanner.sent')}
          </Text>
        ) : (
          <Button
            size="xs"
            variant="white"
            color="cham"
            loading={resend.isPending}
            onClick={() => resend.mutate()}
          >
            {t('verifyBanner.resend')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

export function AppLayout() {
  const { t } = useTranslation('common');
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const me = useMe();
  const items = navItems(me.data, t);
  const activeTo = activeNavItem(location.pathname, items);

  useEffect(() => close(), [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <SkipLink />
      <AppShell.Header style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            {/* Named by its text (the app's name, and the tagline where it shows). */}
            <Link to="/" className="cm-link-plain">
              <Group gap="sm" wrap="nowrap">
                <Logo size={34} />
                <Text fz="xs" c="dimmed" visibleFrom="lg" maw={220} lh={1.3}>
                  {t('tagline')}
                </Text>
              </Group>
            </Link>
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitcher compact />
            {me.data && <NotificationsMenu />}
            {me.data && <UserMenu me={me.data} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" bg="var(--cm-paper)">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4} component="nav" aria-label={t('nav.main')}>
            {items.map(({ to, label, icon: Icon }) => (
              <NavLink
                key={to}
                component={Link}
                to={to}
                aria-current={to === activeTo ? 'page' : undefined}
                label={label}
                leftSection={<Icon size={20} stroke={1.6} />}
                color="cham"
                variant="filled"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                fw={500}
                active={to === activeTo}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text fz="xs" c="dimmed" p="xs">
            {t('tagline')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Container size="lg" px={0}>
          {me.data && !me.data.emailVerified && <VerifyEmailBanner email={me.data.email} />}
          <SuspenseOutlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
