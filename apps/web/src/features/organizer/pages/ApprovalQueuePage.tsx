import { useRef, useState } from 'react';
import { Button, Center, Group, Pagination, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconCircleCheck,
  IconClockHour4,
  IconCircleX,
  IconBan,
  IconInbox,
  IconSearch,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  COMPANY_STATUSES,
  hasPermission,
  type CompanyKind,
  type CompanyStatus,
  type CompanySummary,
} from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { useApproveCompany } from '../api/approve-company';
import { useCompaniesList } from '../api/list-companies';
import { useRejectCompany } from '../api/reject-company';
import { CompanyReviewRow } from '../components/CompanyReviewRow';
import { RejectCompanyModal } from '../components/RejectCompanyModal';

const PAGE_SIZE = 10;
const tabIcons = {
  pending: IconClockHour4,
  approved: IconCircleCheck,
  rejected: IconCircleX,
  suspended: IconBan,
};

function asStatus(value: string | null): CompanyStatus {
  return (COMPANY_STATUSES as readonly string[]).includes(value ?? '') ? (value as CompanyStatus) : 'pending';
}

export function ApprovalQueuePage() {
  const { t } = useTranslation(['organizer', 'companies', 'common']);
  const me = useMe();
  const canReview = hasPermission(me.data?.role, 'companies.review');
  // Filters live in the URL so a link or a reload keeps them.
  const [params, setParams] = useSearchParams();
  const status = asStatus(params.get('status'));
  const kind = (params.get('kind') as CompanyKind | null) ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);

  const update = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: true });
  };

  const list = useCompaniesList({ status, kind, q: q || undefined, page, pageSize: PAGE_SIZE });
  const approve = useApproveCompany();
  const reject = useRejectCompany();
  const [rejecting, setRejecting] = useState<CompanySummary | null>(null);
  // An approved company leaves the list, and the focus would go with its button: the count above the
  // list takes it instead, so the keyboard goes on from there.
  const countRef = useRef<HTMLParagraphElement>(null);

  const onApprove = (company: CompanySummary) =>
    approve.mutate(company.id, {
      onSuccess: () => {
        notifications.show({
          color: 'celadon',
          title: t('queue.approvedTitle'),
          message: t('queue.approvedToast', { name: company.name }),
        });
        countRef.current?.focus();
      },
      onError: (error) =>
        notifications.show({
          color: 'lacquer',
          title: t('common:states.errorTitle'),
          message: errorMessageOf(error, t),
        }),
    });

  const onReject = async (reason: string) => {
    if (!rejecting) return;
    const company = rejecting;
    await reject.mutateAsync({ id: company.id, reason });
    setRejecting(null);
    notifications.show({
      color: 'lacquer',
      title: t('queue.rejectedTitle'),
      message: t('queue.rejectedToast', { name: company.name }),
    });
  };

  const filtered = Boolean(q || kind);
  const totalPages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <>
      <PageHeader title={t('queue.title')} subtitle={t('queue.subtitle')} />
      <Stack gap="md">
        <Tabs
          value={status}
          onChange={(value) => update({ status: value === 'pending' ? null : value, page: null })}
          keepMounted={false}
        >
          <Tabs.List grow>
            {COMPANY_STATUSES.map((s) => {
              const Icon = tabIcons[s];
              return (
                <Tabs.Tab key={s} value={s} leftSection={<Icon size={16} />} data-testid={`tab-${s}`}>
                  {t(`queue.tabs.${s}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
        </Tabs>
        <Group gap="sm" wrap="wrap">
          <TextInput
            placeholder={t('queue.searchPlaceholder')}
            aria-label={t('queue.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              update({ q: event.currentTarget.value.trim() || null, page: null });
            }}
            style={{ flex: '3 1 240px' }}
            rightSection={
              search ? (
                <IconX
                  size={16}
                  style={{ cursor: 'pointer' }}
                  aria-label={t('queue.clearSearch')}
                  onClick={() => {
                    setSearch('');
                    update({ q: null, page: null });
                  }}
                />
              ) : null
            }
          />
          <Select
            aria-label={t('queue.kindLabel')}
            value={kind ?? 'all'}
            allowDeselect={false}
            onChange={(value) => update({ kind: !value || value === 'all' ? null : value, page: null })}
            style={{ flex: '1 1 200px', maxWidth: 320 }}
            data={[
              { value: 'all', label: t('queue.kindAll') },
              { value: 'exhibitor', label: t('companies:kinds.exhibitor') },
              { value: 'buyer', label: t('companies:kinds.buyer') },
            ]}
          />
        </Group>
        {list.data && (
          <Text ref={countRef} tabIndex={-1} fz="sm" c="dimmed" className="tabular" aria-live="polite">
            {t('queue.total', { count: list.data.total })}
          </Text>
        )}
        {list.isPending ? (
          <ListSkeleton rows={4} height={104} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          filtered ? (
            <EmptyState
              icon={<IconSearch size={28} />}
              title={t('queue.emptyFilteredTitle')}
              body={t('queue.emptyFilteredBody')}
              action={
                <Button
                  variant="light"
                  onClick={() => {
                    setSearch('');
                    update({ q: null, kind: null, page: null });
                  }}
                >
                  {t('queue.clearFilters')}
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconInbox size={28} />}
              title={t(`queue.empty.${status}.title`)}
              body={t(`queue.empty.${status}.body`)}
            />
          )
        ) : (
          <Stack
            gap="sm"
            style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
            data-testid="approval-queue"
          >
            {list.data.items.map((company) => (
              <CompanyReviewRow
                key={company.id}
                company={company}
                canReview={canReview}
                approving={approve.isPending && approve.variables === company.id}
                onApprove={() => onApprove(company)}
                onReject={() => setRejecting(company)}
              />
            ))}
          </Stack>
        )}
        {list.data && totalPages > 1 && (
          <Center mt="sm">
            <Pagination
              total={totalPages}
              value={page}
              onChange={(p) => update({ page: p === 1 ? null : String(p) })}
            />
          </Center>
        )}
      </Stack>
      <RejectCompanyModal
        company={rejecting}
        loading={reject.isPending}
        onClose={() => setRejecting(null)}
        onConfirm={onReject}
      />
    </>
  );
}
