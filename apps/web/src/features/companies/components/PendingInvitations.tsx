import { useState } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useCompanyInvitations } from '../api/get-company-invitations';

export function PendingInvitations({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation('companies');
  const language = currentLanguage(i18n.resolvedLanguage);
  const invitations = useCompanyInvitations(companyId);
  // Fixed for this view; an invitation expiring while the page is open is a rare, harmless lag.
  const [now] = useState(() => Date.now());

  if (invitations.isPending) return <ListSkeleton rows={2} height={48} />;
  if (invitations.isError)
    return <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (invitations.data.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        {t('invite.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {invitations.data.map((invitation) => {
        const state = invitation.acceptedAt
          ? 'accepted'
          : new Date(invitation.expiresAt).getTime() < now
            ? 'expired'
            : 'waiting';
        return (
          <Paper key={invitation.id} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconMail size={18} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fz="sm" fw={500} truncate>
                    {invitation.email}
                  </Text>
                  <Text fz="xs" c="dimmed" className="tabular">
                    {state === 'accepted'
                      ? t('invite.acceptedOn', {
                          date: formatDate(invitation.acceptedAt ?? invitation.createdAt, language),
                        })
                      : t('invite.expiresOn', { date: formatDate(invitation.expiresAt, language) })}
                  </Text>
                </Stack>
              </Group>
              <Badge
                variant="light"
                color={state === 'accepted' ? 'celadon' : state === 'expired' ? 'gray' : 'rattan'}
                style={{ flexShrink: 0 }}
              >
                {t(`invite.states.${state}`)}
              </Badge>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
