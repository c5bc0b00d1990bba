import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from '../../../components/BrandMark';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  return (
    // Outside every layout: the page's own main landmark.
    <Center component="main" mih="70vh" p="md">
      <Stack align="center" gap="md" ta="center" maw={480}>
        <BrandMark size={72} />
        <Text fz={64} fw={700} c="lacquer.6" lh={1} className="tabular">
          404
        </Text>
        <Title order={1} fz={28} c="cham.6">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/" leftSection={<IconArrowLeft size={16} />}>
          {t('notFound.action')}
        </Button>
      </Stack>
    </Center>
  );
}
