import { useState, type ReactNode } from 'react';
import {
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconBan,
  IconBuildingStore,
  IconEyeOff,
  IconHistory,
  IconInbox,
  IconPackage,
  IconRestore,
  IconSearch,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary, ModerationProduct, ProductStatus } from '@craftmatch/shared';
import { CompanyStatusBadge } from '../../../components/CompanyStatusBadge';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { categoryName } from '../../../lib/reference';
import { useMe } from '../../../lib/session';
import { useModerationCompanies } from '../api/list-companies';
import { useModerationProducts } from '../api/list-products';
import { useSetCompanyStatus, type CompanyAction } from '../api/set-company-status';
import { useUnpublishProduct } from '../api/unpublish-product';
import { AuditDrawer, type AuditTarget } from '../components/AuditDrawer';
import { ReasonModal, type ReasonRequest } from '../components/ReasonModal';

const PAGE_SIZE = 20;

type Pending =
  | { kind: 'product'; product: ModerationProduct }
  | { kind: 'company'; company: CompanySummary; action: CompanyAction };

function Row({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="article" data-testid={testId}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        {children}
      </Group>
    </Paper>
  );
}

export function ModerationPage() {
  const { t, i18n } = useTranslation(['products', 'companies', 'common']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const me = useMe();
  const canAct = me.data?.role === 'organizer';
  const [tab, setTab] = useState<'products' | 'companies'>('products');
  const [productStatus, setProductStatus] = useState<ProductStatus>('published');
  const [companyStatus, setCompanyStatus] = useState<'approved' | 'suspended'>('approved');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [pending, setPending] = useState<Pending | null>(null);
  const [history, setHistory] = useState<AuditTarget | null>(null);

  const products = useModerationProducts({
    status: productStatus,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const companies = useModerationCompanies({
    status: companyStatus,
    kind: 'exhibitor',
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const unpublish = useUnpublishProduct();
  const setStatus = useSetCompanyStatus();

  const productName = (p: ModerationProduct) => (language === 'vi' ? p.nameVi : p.nameEn);

  const request: ReasonRequest | null = !pending
    ? null
    : pending.kind === 'product'
      ? {
          title: t('moderation.unpublishTitle', { name: productName(pending.product) }),
          body: t('moderation.unpublishBody'),
          confirmLabel: t('moderation.unpublish'),
          required: true,
          color: 'lacquer',
        }
      : {
          title: t(`moderation.${pending.action}Title`, { name: pending.company.name }),
          body: t(`moderation.${pending.action}Body`),
          confirmLabel: t(`moderation.${pending.action}`),
          required: pending.action === 'suspend',
          color: pending.action === 'suspend' ? 'lacquer' : 'celadon',
        };

  const onConfirm = async (reason: string) => {
    if (!pending) return;
    if (pending.kind === 'product') {
      await unpublish.mutateAsync({ id: pending.product.id, reason });
      notifications.show({ color: 'celadon', message: t('moderation.done.unpublish') });
    } else {
      await setStatus.mutateAsync({ id: pending.company.id, action: pending.action, reason });
      notifications.show({ color: 'celadon', message: t(`moderation.done.${pending.action}`) });
    }
    setPending(null);
  };

  const list = tab === 'products' ? products : companies;
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t('moderation.title')} subtitle={t('moderation.subtitle')} />
      <Stack gap="md">
        <Tabs
          value={tab}
          onChange={(value) => {
            setTab(value === 'companies' ? 'companies' : 'products');
            setPage(1);
          }}
        >
          <Tabs.List grow>
            <Tabs.Tab
              value="products"
              leftSection={<IconPackage size={16} />}
              data-testid="moderation-tab-products"
            >
              {t('moderation.tabs.products')}
            </Tabs.Tab>
            <Tabs.Tab
              value="companies"
              leftSection={<IconBuildingStore size={16} />}
              data-testid="moderation-tab-companies"
            >
              {t('moderation.tabs.companies')}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Group gap="sm" wrap="wrap">
          {tab === 'products' ? (
            <SegmentedControl
              aria-label={t('moderation.filterStatus')}
              value={productStatus}
              onChange={(value) => {
                setProductStatus(value as ProductStatus);
                setPage(1);
              }}
              data={(['published', 'unpublished', 'draft'] as const).map((s) => ({
                value: s,
                label: t(`status.${s}`),
              }))}
            />
          ) : (
            <SegmentedControl
              aria-label={t('moderation.filterStatus')}
              value={companyStatus}
              onChange={(value) => {
                setCompanyStatus(value === 'suspended' ? 'suspended' : 'approved');
                setPage(1);
              }}
              data={(['approved', 'suspended'] as const).map((s) => ({
                value: s,
                label: t(`companies:status.${s}`),
              }))}
            />
          )}
          <TextInput
            aria-label={t('moderation.search')}
            placeholder={
              tab === 'products' ? t('moderation.productsPlaceholder') : t('moderation.companiesPlaceholder')
            }
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
            style={{ flex: '1 1 220px' }}
          />
        </Group>

        {list.isPending ? (
          <ListSkeleton rows={4} height={88} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState icon={<IconInbox size={28} />} title={t('moderation.empty')} body="" />
        ) : (
          <Stack
            gap="sm"
            style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
            data-testid="moderation-list"
          >
            {tab === 'products'
              ? products.data?.items.map((p) => (
                  <Row key={p.id} testId={`moderation-product-${p.id}`}>
                    <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
                      {p.status === 'published' ? (
                        <Anchor href={`/p/${p.slug}`} target="_blank" fw={600}>
                          {productName(p)}
                        </Anchor>
                      ) : (
                        <Text fw={600}>{productName(p)}</Text>
                      )}
                      <Text fz="sm" c="dimmed">
                        {t('moderation.by', { company: p.companyName })} ·{' '}
                        {categoryName(p.categoryCode, language)}
                      </Text>
                      <Text fz="xs" c="dimmed" className="tabular">
                        {formatDate(p.publishedAt ?? p.updatedAt, language)}
                      </Text>
                      {p.moderationReason && (
                        <Text fz="sm" c="lacquer.7">
                          {p.moderationReason}
                        </Text>
                      )}
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        variant="subtle"
                        leftSection={<IconHistory size={16} />}
                        onClick={() =>
                          setHistory({ entityType: 'product', entityId: p.id, name: productName(p) })
                        }
                      >
                        {t('moderation.history')}
                      </Button>
                      {canAct && p.status === 'published' && (
                        <Button
                          variant="light"
                          color="lacquer"
                          leftSection={<IconEyeOff size={16} />}
                          onClick={() => setPending({ kind: 'product', product: p })}
                          data-testid="moderation-unpublish"
                        >
                          {t('moderation.unpublish')}
                        </Button>
                      )}
                    </Group>
                  </Row>
                ))
              : companies.data?.items.map((c) => (
                  <Row key={c.id} testId={`moderation-company-${c.id}`}>
                    <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
                      <Group gap="xs" wrap="wrap">
                        <Text fw={600}>{c.name}</Text>
                        <CompanyStatusBadge status={c.status} size="sm" />
                      </Group>
                      {c.ownerEmail && (
                        <Text fz="sm" c="dimmed">
                          {c.ownerEmail}
                        </Text>
                      )}
                      {c.status === 'suspended' && c.statusReason && (
                        <Text fz="sm" c="lacquer.7">
                          {c.statusReason}
                        </Text>
                      )}
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        variant="subtle"
                        leftSection={<IconHistory size={16} />}
                        onClick={() => setHistory({ entityType: 'company', entityId: c.id, name: c.name })}
                      >
                        {t('moderation.history')}
                      </Button>
                      {canAct &&
                        (c.status === 'suspended' ? (
                          <Button
                            variant="light"
                            color="celadon"
                            leftSection={<IconRestore size={16} />}
                            onClick={() => setPending({ kind: 'company', company: c, action: 'reinstate' })}
                            data-testid="moderation-reinstate"
                          >
                            {t('moderation.reinstate')}
                          </Button>
                        ) : (
                          <Button
                            variant="light"
                            color="lacquer"
                            leftSection={<IconBan size={16} />}
                            onClick={() => setPending({ kind: 'company', company: c, action: 'suspend' })}
                            data-testid="moderation-suspend"
                          >
                            {t('moderation.suspend')}
                          </Button>
                        ))}
                    </Group>
                  </Row>
                ))}
          </Stack>
        )}
        {total > PAGE_SIZE && (
          <Group justify="center">
            <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />
          </Group>
        )}
      </Stack>
      <ReasonModal
        request={request}
        loading={unpublish.isPending || setStatus.isPending}
        onClose={() => setPending(null)}
        onConfirm={onConfirm}
      />
      <AuditDrawer target={history} onClose={() => setHistory(null)} />
    </>
  );
}
