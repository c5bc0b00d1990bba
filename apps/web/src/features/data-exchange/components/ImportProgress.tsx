import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportView } from '@craftmatch/shared';
import { intlLocale } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';

interface Props {
  view: ImportView;
  /** the latest `import:progress` push, when one came */
  live: { done: number; total: number } | null;
}

/** The import's progress bar: live pushes while it runs, the stored counts once it is done. */
export function ImportProgress({ view, live }: Props) {
  const { t, i18n } = useTranslation('dataExchange');
  const language = currentLanguage(i18n.language);
  const n = (v: number) => new Intl.NumberFormat(intlLocale(language)).format(v);
  const finished = view.status === 'done' || view.status === 'failed';
  const total = live?.total || view.total;
  const done = finished ? view.done : Math.max(view.done, live?.done ?? 0);
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : finished ? 100 : 0;

  return (
    <Stack gap={6} data-testid="import-progress">
      <Group justify="space-between">
        <Text fz="sm" fw={600}>
          {t(`import.status.${view.status}`)}
        </Text>
        <Text fz="sm" c="dimmed" className="tabular" data-testid="import-progress-count">
          {t('import.progress', { done: n(done), total: n(total), percent })}
        </Text>
      </Group>
      <Progress
        value={percent}
        size="lg"
        color={view.status === 'failed' ? 'lacquer' : finished ? 'celadon' : 'cham'}
        striped={!finished}
        animated={!finished}
        aria-label={t('import.progressLabel')}
        aria-valuenow={percent}
        data-testid="import-progress-bar"
      />
      {finished && (
        <Group gap="lg" data-testid="import-counts">
          <Text fz="sm" c="celadon.9">
            {t('import.created', { count: view.created, value: n(view.created) })}
          </Text>
          <Text fz="sm" c="cham.7">
            {t('import.updated', { count: view.updated, value: n(view.updated) })}
          </Text>
          <Text fz="sm" c="lacquer.7">
            {t('import.rejected', { count: view.rejected, value: n(view.rejected) })}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
