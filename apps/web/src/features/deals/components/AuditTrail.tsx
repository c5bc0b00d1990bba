import { Stack, Table, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, ContractLine } from '@craftmatch/shared';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';

/** Who changed what and when, with each field before → after, in the viewer's language. */
export function AuditTrail({ entries, currency }: { entries: AuditEntry[]; currency?: string }) {
  const { t, i18n } = useTranslation('deals');
  const lng = currentLanguage(i18n.resolvedLanguage);

  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (key === 'status' && typeof value === 'string')
      return t(`contractStatus.${value}`, {
        defaultValue: t(`sampleStatus.${value}`, { defaultValue: value }),
      });
    if (key === 'kind' && typeof value === 'string') return t(`kind.${value}`, { defaultValue: value });
    if (key === 'paymentTerms' && typeof value === 'string')
      return t(`paymentTerms.${value}`, { defaultValue: value });
    if (key === 'lines' && Array.isArray(value))
      return (value as ContractLine[])
        .map(
          (l) =>
            `${l.description} · ${l.quantity} ${l.unit} × ${l.unitPrice}${currency ? ` ${currency}` : ''}`,
        )
        .join('; ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };

  if (entries.length === 0) return <Text c="dimmed">{t('audit.empty')}</Text>;
  return (
    <Timeline active={entries.length} bulletSize={14} lineWidth={2} data-testid="audit-trail">
      {entries.map((entry) => {
        const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
        return (
          <Timeline.Item
            key={entry.id}
            title={t(`audit.actions.${entry.action.replace('.', '_')}`, { defaultValue: entry.action })}
            data-testid="audit-entry"
          >
            <Text fz="xs" c="dimmed">
              {t('audit.byAt', {
                who: entry.actorName ?? entry.actorEmail ?? t('audit.system'),
                when: formatDateTime(entry.createdAt, lng),
              })}
            </Text>
            {entry.reason && (
              <Text fz="sm" mt={4}>
                {t('audit.reason', { reason: entry.reason })}
              </Text>
            )}
            {keys.length > 0 && entry.action !== 'contract.declare' && entry.action !== 'sample.request' && (
              <Table fz="xs" mt={4} withRowBorders={false} verticalSpacing={2}>
                <Table.Tbody>
                  {keys.map((key) => (
                    <Table.Tr key={key}>
                      <Table.Td c="dimmed" w={140}>
                        {t(`fields.${key}`, { defaultValue: key })}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={0}>
                          <Text fz="xs" td="line-through" c="dimmed">
                            {show(key, entry.before?.[key])}
                          </Text>
                          <Text fz="xs">{show(key, entry.after?.[key])}</Text>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
