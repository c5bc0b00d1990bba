import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EXPORT_DATASETS, type ExportDataset, type ExportFormat } from '@craftmatch/shared';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { downloadFile } from '../api/files';
import { useExportFairs } from '../api/imports';

/** Streams each dataset as CSV or XLSX, for one fair or every fair; headers come in the organizer's language. */
export function ExportPanel() {
  const { t, i18n } = useTranslation(['dataExchange', 'exchange', 'errors', 'common']);
  const language = currentLanguage(i18n.language);
  const fairs = useExportFairs();
  const [fairId, setFairId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const download = async (dataset: ExportDataset, format: ExportFormat) => {
    const key = `${dataset}.${format}`;
    setBusy(key);
    try {
      await downloadFile(
        `/exports/${dataset}`,
        { format, fairId: fairId ?? undefined },
        `${dataset}.${format}`,
      );
    } catch (error) {
      notifications.show({ color: 'lacquer', title: t('export.failed'), message: errorMessageOf(error, t) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="export-panel">
      <Stack gap="md">
        <div>
          <Text fw={700}>{t('export.title')}</Text>
          <Text fz="sm" c="dimmed">
            {t('export.subtitle')}
          </Text>
        </div>
        <Select
          label={t('export.fair')}
          placeholder={t('export.allFairs')}
          data={(fairs.data?.items ?? []).map((f) => ({
            value: f.id,
            label: language === 'vi' ? f.nameVi : f.nameEn,
          }))}
          value={fairId}
          onChange={setFairId}
          clearable
          searchable
          maw={420}
          data-testid="export-fair"
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {EXPORT_DATASETS.map((dataset) => (
            <Paper key={dataset} withBorder p="sm" radius="md">
              <Text fw={600} mb={6}>
                {t(`exchange:sheets.${dataset}`)}
              </Text>
              <Group gap="xs">
                {(['csv', 'xlsx'] as const).map((format) => (
                  <Button
                    key={format}
                    size="xs"
                    variant={format === 'xlsx' ? 'filled' : 'light'}
                    color="cham"
                    leftSection={<IconDownload size={14} />}
                    loading={busy === `${dataset}.${format}`}
                    disabled={busy !== null && busy !== `${dataset}.${format}`}
                    onClick={() => void download(dataset, format)}
                    data-testid={`export-${dataset}-${format}`}
                  >
                    {format.toUpperCase()}
                  </Button>
                ))}
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
