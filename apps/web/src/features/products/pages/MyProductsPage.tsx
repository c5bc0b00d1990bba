import { useState } from 'react';
import {
  AspectRatio,
  Button,
  Card,
  Group,
  Image,
  Pagination,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingStore, IconPackage, IconPhoto, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRODUCT_STATUSES, type ProductStatus, type ProductSummary } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { categoryName } from '../../../lib/reference';
import { useMe } from '../../../lib/session';
import { useMyProducts } from '../api/list-my-products';
import { formatPriceRange } from '../components/money';
import { ProductStatusBadge } from '../components/ProductStatusBadge';

const PAGE_SIZE = 12;

function ProductCard({ product }: { product: ProductSummary }) {
  const { t, i18n } = useTranslation('products');
  const language = currentLanguage(i18n.resolvedLanguage);
  const name = language === 'vi' ? product.nameVi : product.nameEn;
  const price = formatPriceRange(product.priceMin, product.priceMax, product.currency, language);
  return (
    <Card
      component={Link}
      to={`/products/${product.id}`}
      padding="sm"
      data-testid="my-product"
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <Card.Section>
        <AspectRatio ratio={4 / 3}>
          {product.cover ? (
            <Image src={product.cover.thumbUrl} alt="" fit="cover" loading="lazy" />
          ) : (
            <Stack align="center" justify="center" bg="var(--mantine-color-gray-1)">
              <ThemeIcon variant="light" color="rattan" size={48} radius="xl">
                <IconPhoto size={26} />
              </ThemeIcon>
            </Stack>
          )}
        </AspectRatio>
      </Card.Section>
      <Stack gap={6} mt="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} lh={1.3} lineClamp={2}>
            {name}
          </Text>
          <ProductStatusBadge status={product.status} />
        </Group>
        <Text fz="sm" c="dimmed">
          {categoryName(product.categoryCode, language)}
        </Text>
        <Text fz="sm" className="tabular" fw={500}>
          {price ?? t('list.priceOnRequest')}
        </Text>
        <Group justify="space-between" gap="xs" c="dimmed" fz="xs">
          <Text fz="xs" c="dimmed" className="tabular">
            {product.moq !== null
              ? t('list.moq', { moq: product.moq, unit: t(`units.${product.unit}`) })
              : t('list.photos', { count: product.photoCount })}
          </Text>
          <Text fz="xs" c="dimmed" className="tabular">
            {t('list.updated', { date: formatDate(product.updatedAt, language) })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

export function MyProductsPage() {
  const { t } = useTranslation(['products', 'common']);
  const me = useMe();
  const [status, setStatus] = useState<ProductStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const isExhibitor = me.data?.company?.kind === 'exhibitor';
  const list = useMyProducts(
    { status: status === 'all' ? undefined : status, q: q || undefined, page, pageSize: PAGE_SIZE },
    isExhibitor,
  );
  const filtered = status !== 'all' || q !== '';

  const addButton = (
    <Button
      component={Link}
      to="/products/new"
      leftSection={<IconPlus size={18} />}
      data-testid="product-add"
    >
      {t('list.add')}
    </Button>
  );

  if (me.data && !isExhibitor) {
    return (
      <>
        <PageHeader title={t('list.title')} />
        <EmptyState
          icon={<IconBuildingStore size={28} />}
          title={t('list.title')}
          body={t('list.noCompany')}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} actions={addButton} />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            value={status}
            onChange={(value) => {
              setStatus(value as ProductStatus | 'all');
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('list.filterAll') },
              ...PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
            style={{ flex: '0 1 auto', maxWidth: '100%', overflowX: 'auto' }}
          />
          <TextInput
            aria-label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
            style={{ flex: '1 1 220px' }}
          />
        </Group>
        {me.isPending || list.isPending ? (
          <ListSkeleton rows={3} height={120} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          filtered ? (
            <EmptyState icon={<IconSearch size={28} />} title={t('list.noMatch')} body="" />
          ) : (
            <EmptyState
              icon={<IconPackage size={28} />}
              title={t('list.emptyTitle')}
              body={t('list.emptyBody')}
              action={addButton}
            />
          )
        ) : (
          <>
            <SimpleGrid
              cols={{ base: 1, xs: 2, md: 3, lg: 4 }}
              spacing="md"
              style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
              data-testid="my-products"
            >
              {list.data.items.map((product) => (
                <ProductCard key={product.id} product={product} />
              ))}
            </SimpleGrid>
            {list.data.total > PAGE_SIZE && (
              <Group justify="center">
                <Pagination
                  total={Math.ceil(list.data.total / PAGE_SIZE)}
                  value={page}
                  onChange={setPage}
                  getControlProps={(control) => ({ 'aria-label': control })}
                />
              </Group>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
