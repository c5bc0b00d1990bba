import { useState } from 'react';
import { Alert, Button, FileInput, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  IMPORT_MAX_ROWS,
  type ExportFormat,
  type ImportKind,
} from '@craftmatch/shared';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { intlLocale } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import {
  downloadReport,
  downloadTemplate,
  isFinished,
  useImport,
  useImportProgress,
  useStartImport,
} from '../api/imports';
import { ImportProgress } from './ImportProgress';
import { ReportTable } from './ReportTable';

const ACCEPT = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Upload an XLSX or CSV of exhibitor or buyer companies, follow the job live, read and download the report. */
export function ImportPanel() {
  const { t, i18n } = useTranslation(['dataExchange', 'exchange', 'errors', 'common']);
  const language = currentLanguage(i18n.language);
  const [kind, setKind] = useState<ImportKind>('exhibitor');
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const start = useStartImport();
  const view = useImport(importId);
  const live = useImportProgress(importId);
  const finished = isFinished(view.data);

  const fail = (error: unknown) =>
    notifications.show({
      color: 'lacquer',
      title: t('import.downloadFailed'),
      message: errorMessageOf(error, t),
    });
  const template = (format: ExportFormat) => void downloadTemplate(kind, format).catch(fail);

  const submit = () => {
    if (!file) return;
    start.mutate(
      { kind, file },
      {
        onSuccess: (created) => {
          setImportId(created.id);
          setFile(null);
        },
      },
    );
  };

  const required = IMPORT_COLUMNS[kind]
    .filter((c) => c.required)
    .map((c) => t(`exchange:columns.${c.key}`))
    .join(', ');

  return (
    <Paper withBorder p="md" radius="md" data-testid="import-panel">
      <Stack gap="md">
        <div>
          <Text fw={700}>{t('import.title')}</Text>
          <Text fz="sm" c="dimmed">
            {t('import.subtitle', {
              max: new Intl.NumberFormat(intlLocale(language)).format(IMPORT_MAX_ROWS),
            })}
          </Text>
        </div>
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value as ImportKind)}
          data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
          maw={420}
          data-testid="import-kind"
        />
        <Text fz="sm">{t('import.required', { columns: required })}</Text>
        <Group gap="xs">
          <Text fz="sm" c="dimmed">
            {t('import.template')}
          </Text>
          {(['xlsx', 'csv'] as const).map((format) => (
            <Button
              key={format}
              size="xs"
              variant="subtle"
              leftSection={<IconDownload size={14} />}
              onClick={() => template(format)}
              data-testid={`template-${format}`}
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Group>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('import.file')}
            placeholder={t('import.filePlaceholder')}
            accept={ACCEPT}
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconFileSpreadsheet size={16} />}
            // A file input's placeholder is real text (not an input's ::placeholder): AA contrast.
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            w={360}
            data-testid="import-file"
          />
          <Button
            color="cham"
            leftSection={<IconUpload size={16} />}
            disabled={!file}
            loading={start.isPending}
            onClick={submit}
            data-testid="import-start"
          >
            {t('import.start')}
          </Button>
        </Group>
        {start.isError && (
          <Alert color="lacquer" title={t('import.refused')} data-testid="import-refused">
            {errorMessageOf(start.error, t)}
          </Alert>
        )}

        {importId &&
          (view.isPending ? (
            <ListSkeleton rows={1} />
          ) : view.isError ? (
            <ErrorState error={view.error} onRetry={() => void view.refetch()} />
          ) : (
            <Stack gap="sm">
              <Text fz="sm" c="dimmed">
                {view.data.filename}
              </Text>
              <ImportProgress view={view.data} live={live} />
              {finished && (
                <>
                  <Group gap="xs">
                    <Text fz="sm" fw={600}>
                      {t('report.title')}
                    </Text>
                    {(['csv', 'xlsx'] as const).map((format) => (
                      <Button
                        key={format}
                        size="xs"
                        variant="light"
                        leftSection={<IconDownload size={14} />}
                        onClick={() => void downloadReport(view.data.id, format).catch(fail)}
                        data-testid={`report-${format}`}
                      >
                        {format.toUpperCase()}
                      </Button>
                    ))}
                  </Group>
                  <ReportTable importId={view.data.id} kind={view.data.kind} />
                </>
              )}
            </Stack>
          ))}
      </Stack>
    </Paper>
  );
}
