import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBuildingStore, IconLogin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { SuspenseOutlet } from '../../../components/SuspenseOutlet';
import { Logo } from '../../../components/Logo';
import { MAIN_CONTENT_ID, SkipLink } from '../../../components/SkipLink';
import { useSessionStatus } from '../../../lib/session';
import { PublicLanguageSwitcher } from './PublicLanguageSwitcher';

/** The catalogue, product and exhibitor pages: open to anyone, signed in or not. */
export function PublicLayout() {
  const { t } = useTranslation('catalogue');
  const status = useSessionStatus();
  // Known on the first render (no second render of the header, no logo changing size after).
  const compact = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false });
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box
        component="header"
        bg="white"
        style={{
          borderBottom: '1px solid var(--mantine-color-default-border)',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Container size="xl" h={64}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="lg" wrap="nowrap">
              <Link to="/catalogue" className="cm-link-plain" aria-label={t('common:appName')}>
                <Logo size={compact ? 28 : 34} />
              </Link>
              <Group component="nav" aria-label={t('nav.main')} gap="xs">
                <Anchor component={NavLink} to="/catalogue" c="cham.6" fw={600} fz="sm">
                  {t('nav.catalogue')}
                </Anchor>
              </Group>
            </Group>
            <Group gap={4} wrap="nowrap">
              <PublicLanguageSwitcher compact={compact} />
              {status === 'authenticated' ? (
                <Button
                  component={Link}
                  to="/"
                  variant="light"
                  color="cham"
                  size="sm"
                  leftSection={<IconBuildingStore size={16} />}
                  aria-label={t('nav.openApp')}
                >
                  {compact ? null : t('nav.openApp')}
                </Button>
              ) : (
                <Button
                  component={Link}
                  to="/login"
                  variant="light"
                  color="cham"
                  size="sm"
                  leftSection={<IconLogin size={16} />}
                  aria-label={t('nav.signIn')}
                >
                  {compact ? null : t('nav.signIn')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Box
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        style={{ flex: 1 }}
        py={{ base: 'md', sm: 'xl' }}
      >
        <Container size="xl">
          <SuspenseOutlet />
        </Container>
      </Box>
      <Box component="footer" py="md" bg="var(--cm-paper)">
        <Container size="xl">
          <Text fz="xs" c="dimmed">
            {t('common:appName')} · {t('common:tagline')}
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
