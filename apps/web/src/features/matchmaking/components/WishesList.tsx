import { useState } from 'react';
import { Badge, Button, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconHeartHandshake } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Wish, WishLevel } from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { countryName } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useWishes } from '../api/matchmaking';
import { requestMeetingUrl } from './RecommendationCard';
import { WishButtons } from './WishButtons';

const PAGE_SIZE = 15;

/** The company's wishes at a fair, newest first: change or clear each; mutual ones are marked. */
export function WishesList({
  fairId,
  onWish,
}: {
  fairId: string;
  onWish: (companyId: string, level: WishLevel | null) => void;
}) {
  const { t, i18n } = useTranslation('matchmaking');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const wishes = useWishes(fairId);
  const [page, setPage] = useState(1);

  if (wishes.isPending) return <ListSkeleton rows={3} />;
  if (wishes.isError) return <ErrorState error={wishes.error} onRetry={() => wishes.refetch()} />;
  const all: Wish[] = wishes.data;
  if (all.length === 0)
    return (
      <EmptyState
        icon={<IconHeartHandshake size={26} />}
        title={t('empty.wishesTitle')}
        body={t('empty.wishesBody')}
      />
    );
  const pages = Math.ceil(all.length / PAGE_SIZE);
  const current = Math.min(page, pages);
  return (
    <Stack gap="sm" data-testid="wishes">
      {all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((w) => (
        <Paper key={w.companyId} withBorder p="sm" radius="md" data-testid="wish-row">
          <Stack gap="xs">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {w.companyName}
                </Text>
                {w.countryCode && (
                  <Text c="dimmed" fz="sm">
                    {countryName(w.countryCode, lng)}
                  </Text>
                )}
              </Stack>
              {w.mutual && (
                <Badge color="teal" variant="light" data-testid="wish-mutual">
                  {t('wish.mutual')}
                </Badge>
              )}
            </Group>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <WishButtons value={w.level} onChange={(level) => onWish(w.companyId, level)} />
              {w.level !== 'no_thanks' && (
                <Button
                  component={Link}
                  to={requestMeetingUrl(fairId, w.companyId)}
                  size="xs"
                  variant="subtle"
                  leftSection={<IconCalendarPlus size={14} />}
                >
                  {t('requestMeeting')}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
      {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} size="sm" />}
    </Stack>
  );
}
