import { useState } from 'react';
import {
  Badge,
  Button,
  Grid,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { INQUIRY_STATUSES, type InquiryStatus } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { currentLanguage } from '../../../lib/i18n';
import { useInquiries } from '../api/list-inquiries';
import { InquiryThread } from '../components/InquiryThread';

const PAGE_SIZE = 20;

/** The exhibitor's inbox of visitors' inquiries, with answers by e-mail. */
export function InquiriesPage() {
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const narrow = useMediaQuery('(max-width: 62em)');
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<InquiryStatus | 'all'>('all');
  const selected = params.get('id');
  const list = useInquiries({ page, pageSize: PAGE_SIZE, status: status === 'all' ? undefined : status });
  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', id);
    else next.delete('id');
    setParams(next);
  };

  const listView = list.isPending ? (
    <ListSkeleton rows={5} height={72} />
  ) : list.isError ? (
    <ErrorState error={list.error} onRetry={() => void list.refetch()} />
  ) : list.data.items.length === 0 ? (
    <EmptyState
      icon={<IconInbox size={28} />}
      title={t('inbox.emptyTitle')}
      body={t('inbox.emptyBody')}
      action={
        <Button component={Link} to="/catalogue" variant="light">
          {t('inbox.openCatalogue')}
        </Button>
      }
    />
  ) : (
    <Stack gap="xs" data-testid="inquiry-list">
      {list.data.items.map((q) => (
        <UnstyledButton
          key={q.id}
          onClick={() => select(q.id)}
          aria-current={q.id === selected ? 'true' : undefined}
        >
          <Paper
            withBorder
            p="sm"
            style={{ borderColor: q.id === selected ? 'var(--mantine-color-cham-6)' : undefined }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={q.status === 'new' ? 700 : 500} truncate>
                {q.name}
                {q.companyName ? ` · ${q.companyName}` : ''}
              </Text>
              <Badge size="sm" color={q.status === 'new' ? 'rattan' : 'celadon'} variant="light">
                {t(`inbox.status.${q.status}`)}
              </Badge>
            </Group>
            {q.product && (
              <Text fz="xs" c="cham.6" truncate>
                {t('inbox.about', { name: lng === 'vi' ? q.product.nameVi : q.product.nameEn })}
              </Text>
            )}
            <Text fz="sm" c="dimmed" lineClamp={2}>
              {q.excerpt}
            </Text>
            <Text fz="xs" c="dimmed" mt={4}>
              {new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium' }).format(
                new Date(q.createdAt),
              )}
              {q.replyCount > 0 ? ` · ${t('inbox.replies', { count: q.replyCount })}` : ''}
            </Text>
          </Paper>
        </UnstyledButton>
      ))}
      {list.data.total > PAGE_SIZE && (
        <Group justify="center" mt="sm">
          <Pagination
            total={Math.ceil(list.data.total / PAGE_SIZE)}
            value={page}
            onChange={setPage}
            size="sm"
          />
        </Group>
      )}
    </Stack>
  );

  const filter = (
    <SegmentedControl
      size="xs"
      value={status}
      onChange={(v) => {
        setStatus(v as InquiryStatus | 'all');
        setPage(1);
      }}
      data={[
        { value: 'all', label: t('inbox.filterAll') },
        ...INQUIRY_STATUSES.map((s) => ({ value: s, label: t(`inbox.status.${s}`) })),
      ]}
    />
  );

  if (narrow && selected) {
    return (
      <Stack gap="md">
        <Button
          variant="subtle"
          leftSection={<IconArrowLeft size={16} />}
          onClick={() => select(null)}
          w="fit-content"
        >
          {t('inbox.back')}
        </Button>
        <InquiryThread id={selected} />
      </Stack>
    );
  }

  return (
    <>
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} actions={filter} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>{listView}</Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} visibleFrom="md">
          {selected ? (
            <InquiryThread id={selected} />
          ) : (
            <Paper withBorder p="xl" style={{ borderStyle: 'dashed' }}>
              <Text c="dimmed" ta="center">
                {t('inbox.select')}
              </Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
