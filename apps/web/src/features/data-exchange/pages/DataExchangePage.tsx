import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { ExportPanel } from '../components/ExportPanel';
import { ImportPanel } from '../components/ImportPanel';

/** /organizer/data: exports of every dataset and the bulk import of companies. */
export function DataExchangePage() {
  const { t } = useTranslation('dataExchange');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="lg">
        <ImportPanel />
        <ExportPanel />
      </Stack>
    </>
  );
}
