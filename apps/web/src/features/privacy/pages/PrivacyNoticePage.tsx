import { Container, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIVACY_NOTICE_VERSION } from '@craftmatch/shared';

const SECTIONS = [
  'controller',
  'data',
  'purposes',
  'recipients',
  'transfers',
  'retention',
  'rights',
  'taxCodes',
  'contact',
] as const;

/** The privacy notice (GDPR art. 13, Vietnam's decree 13/2023 art. 13): public, in Vietnamese and English. */
export function PrivacyNoticePage() {
  const { t } = useTranslation('privacy');
  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} c="cham.6">
            {t('notice.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('notice.version', { version: PRIVACY_NOTICE_VERSION })}
          </Text>
        </Stack>
        <Text>{t('notice.intro')}</Text>
        {SECTIONS.map((section) => {
          const items = t(`notice.sections.${section}.items`, { returnObjects: true, defaultValue: {} });
          const list =
            typeof items === 'object' && items ? Object.values(items as Record<string, string>) : [];
          return (
            <Stack key={section} gap="xs" component="section">
              <Title order={2} fz="h3">
                {t(`notice.sections.${section}.title`)}
              </Title>
              <Text>{t(`notice.sections.${section}.body`)}</Text>
              {list.length > 0 && (
                <List spacing={4}>
                  {list.map((item) => (
                    <List.Item key={item}>{item}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Container>
  );
}
