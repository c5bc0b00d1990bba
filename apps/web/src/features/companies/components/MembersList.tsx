import { Avatar, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useCompanyMembers } from '../api/get-company-members';

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  // Vietnamese names put the given name last: "Nguyễn Thị Lan" → "NL".
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

interface MembersListProps {
  companyId: string;
  currentUserId: string;
  limit?: number;
}

export function MembersList({ companyId, currentUserId, limit }: MembersListProps) {
  const { t, i18n } = useTranslation(['companies', 'common']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const members = useCompanyMembers(companyId);

  if (members.isPending) return <ListSkeleton rows={limit ?? 3} height={60} />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.length === 0) {
    return (
      <EmptyState icon={<IconUsers size={28} />} title={t('team.emptyTitle')} body={t('team.emptyBody')} />
    );
  }

  const shown = limit ? members.data.slice(0, limit) : members.data;
  return (
    <Stack gap="xs" data-testid="members-list">
      {shown.map((member) => (
        <Paper key={member.userId} withBorder p="sm" radius="md">
          <Group wrap="nowrap" gap="sm">
            <Avatar color="cham" radius="xl">
              {initials(member.fullName)}
            </Avatar>
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text fw={600} truncate>
                  {member.fullName}
                </Text>
                {member.userId === currentUserId && (
                  <Badge size="xs" variant="light" color="cham" style={{ flexShrink: 0 }}>
                    {t('team.you')}
                  </Badge>
                )}
              </Group>
              <Text fz="sm" c="dimmed" truncate>
                {member.email}
              </Text>
            </Stack>
            <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
              <Badge variant="outline" color={member.role === 'owner' ? 'lacquer' : 'gray'} size="sm">
                {t(`common:roles.${member.role}`)}
              </Badge>
              <Text fz="xs" c="dimmed" className="tabular" visibleFrom="sm">
                {t('team.joined', { date: formatDate(member.joinedAt, language) })}
              </Text>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
