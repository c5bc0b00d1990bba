import { Drawer, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@craftmatch/shared';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useAudit } from '../api/get-audit';

export interface AuditTarget {
  entityType: 'product' | 'company';
  entityId: string;
  name: string;
}

function changes(entry: AuditEntry): [string, string, string][] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '∅' : String(v));
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => [k, show(before[k]), show(after[k])]);
}

/** The audit trail of one product or company, newest first. */
export function AuditDrawer({ target, onClose }: { target: AuditTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('products');
  const language = currentLanguage(i18n.resolvedLanguage);
  const audit = useAudit(
    { entityType: target?.entityType, entityId: target?.entityId, pageSize: 50 },
    target !== null,
  );
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      title={`${t('moderation.auditTitle')} · ${target?.name ?? ''}`}
      data-testid="audit-drawer"
    >
      {audit.isPending ? (
        <ListSkeleton rows={3} />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <Text c="dimmed">{t('moderation.auditEmpty')}</Text>
      ) : (
        <Timeline bulletSize={24} lineWidth={2}>
          {audit.data.items.map((entry) => (
            <Timeline.Item
              key={entry.id}
              bullet={<IconHistory size={14} />}
              title={t(`moderation.actions.${entry.action}`, { defaultValue: entry.action })}
            >
              <Stack gap={4}>
                <Text fz="xs" c="dimmed" className="tabular">
                  {t('moderation.auditBy', {
                    actor: entry.actorName ?? entry.actorEmail ?? '—',
                    date: formatDateTime(entry.createdAt, language),
                  })}
                </Text>
                {entry.reason && (
                  <Paper withBorder p="xs" radius="sm">
                    <Text fz="sm">{entry.reason}</Text>
                  </Paper>
                )}
                {changes(entry).map(([field, before, after]) => (
                  <Text key={field} fz="xs" ff="monospace">
                    {t('moderation.auditChange', { field, before, after })}
                  </Text>
                ))}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Drawer>
  );
}
