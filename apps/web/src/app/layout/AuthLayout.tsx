import { Box, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingStore, IconLanguage, IconWorld } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SuspenseOutlet } from '../../components/SuspenseOutlet';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { Logo } from '../../components/Logo';

/** Sign-in, registration and link pages: the brand on one side, the form on the other. */
export function AuthLayout() {
  const { t } = useTranslation('common');
  const compact = useMediaQuery('(max-width: 36em)');
  const points = [
    { icon: IconBuildingStore, text: t('auth.pointExhibitors') },
    { icon: IconWorld, text: t('auth.pointBuyers') },
    { icon: IconLanguage, text: t('auth.pointLanguages') },
  ];
  return (
    <Box mih="100vh" style={{ display: 'flex' }}>
      <Box
        className="cm-weave"
        visibleFrom="md"
        w="42%"
        p={48}
        style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between' }}
      >
        <Link to="/" className="cm-link-plain" aria-label={t('appName')}>
          <Logo inverted size={48} />
        </Link>
        <Stack gap="xl" maw={440}>
          <Title order={2} fz={34} lh={1.2} c="#FFFDF8" fw={650}>
            {t('tagline')}
          </Title>
          <List spacing="md" center>
            {points.map(({ icon: Icon, text }) => (
              <List.Item
                key={text}
                c="rgba(255,253,248,0.92)"
                icon={
                  <ThemeIcon color="rattan" variant="filled" radius="xl" size={30}>
                    <Icon size={17} />
                  </ThemeIcon>
                }
              >
                {text}
              </List.Item>
            ))}
          </List>
        </Stack>
        <Text fz="xs" c="rgba(255,253,248,0.75)">
          {t('auth.footer')}
        </Text>
      </Box>
      <Box
        style={{ flex: 1, display: 'flex', flexDirection: 'column' }}
        px={{ base: 'md', sm: 'xl' }}
        py="md"
      >
        <Group justify="space-between" mb="xl" wrap="nowrap" align="flex-start">
          <Box hiddenFrom="md">
            <Link to="/" className="cm-link-plain">
              <Logo withTagline size={36} />
            </Link>
          </Box>
          <Box visibleFrom="md" />
          <LanguageSwitcher compact={compact} />
        </Group>
        <Box
          style={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center' }}
          pt={{ base: 0, md: 'xl' }}
        >
          <Paper withBorder shadow="xs" p={{ base: 'lg', sm: 36 }} w="100%" maw={520} component="main">
            <SuspenseOutlet />
          </Paper>
        </Box>
      </Box>
    </Box>
  );
}
