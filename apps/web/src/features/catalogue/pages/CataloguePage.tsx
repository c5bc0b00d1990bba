import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  Grid,
  Group,
  Paper,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconZoomQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  CATALOGUE_SORTS,
  PRICE_PATTERN,
  type CatalogueProductQuery,
  type CatalogueSort,
} from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState } from '../../../components/StateViews';
import { currentPublicLanguage } from '../../../lib/i18n';
import { useSearchProducts } from '../api/search-products';
import { FILTER_NAMES, type CatalogueFilters } from '../components/filters';
import { formatNumber } from '../components/format';
import { ProductCard } from '../components/ProductCard';

// Its own chunk: the village, province and currency lists are not needed for the first results.
const FilterPanel = lazy(() => import('../components/FilterPanel').then((m) => ({ default: m.FilterPanel })));
const FilterDrawer = lazy(() =>
  import('../components/FilterDrawer').then((m) => ({ default: m.FilterDrawer })),
);

function filtersFrom(params: URLSearchParams): CatalogueFilters {
  return Object.fromEntries(FILTER_NAMES.map((n) => [n, params.get(n)])) as unknown as CatalogueFilters;
}

/** The URL holds the search, so a result list can be shared or bookmarked. */
function toQuery(
  q: string,
  filters: CatalogueFilters,
  sort: CatalogueSort | null,
): Omit<CatalogueProductQuery, 'cursor'> {
  const query: Omit<CatalogueProductQuery, 'cursor'> = {};
  if (q.trim()) query.q = q.trim();
  if (filters.category) query.category = filters.category;
  if (filters.village) query.village = filters.village;
  if (filters.province) query.province = filters.province;
  if (filters.certification) query.certification = filters.certification;
  if (filters.moqMax && /^\d+$/.test(filters.moqMax)) query.moqMax = Number(filters.moqMax);
  if (filters.priceMin && PRICE_PATTERN.test(filters.priceMin)) query.priceMin = filters.priceMin;
  if (filters.priceMax && PRICE_PATTERN.test(filters.priceMax)) query.priceMax = filters.priceMax;
  if (filters.currency) query.currency = filters.currency;
  if (sort) query.sort = sort;
  return query;
}

/** Keyed by the query in the URL, so going back in history shows the words searched. */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation('catalogue');
  const [text, setText] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <Box component="form" onSubmit={submit} role="search" mb="lg">
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          size="md"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={18} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="catalogue-search"
          type="search"
          maxLength={200}
        />
        <Button type="submit" size="md" color="cham">
          {t('search.submit')}
        </Button>
      </Group>
    </Box>
  );
}

export function CataloguePage() {
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentPublicLanguage(i18n.resolvedLanguage);
  const [params, setParams] = useSearchParams();
  const [drawer, { open, close }] = useDisclosure(false);
  // Mounted from its first opening on (and kept, so that it closes with its transition).
  const [drawerUsed, setDrawerUsed] = useState(false);
  if (drawer && !drawerUsed) setDrawerUsed(true);
  // The side panel is for wide screens only: a phone neither downloads nor draws its selects.
  const wide = useMediaQuery('(min-width: 62em)', false, { getInitialValueInEffect: false });
  const q = params.get('q') ?? '';
  const sortParam = params.get('sort');
  const sort = (CATALOGUE_SORTS as readonly string[]).includes(sortParam ?? '')
    ? (sortParam as CatalogueSort)
    : null;
  const filters = filtersFrom(params);
  // Debounced as text: typing a price does not fire a search per key.
  const [debounced] = useDebouncedValue(JSON.stringify(toQuery(q, filters, sort)), 300);
  const query = useMemo(() => JSON.parse(debounced) as Omit<CatalogueProductQuery, 'cursor'>, [debounced]);
  const search = useSearchProducts(query);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const clearFilters = () => update(Object.fromEntries(FILTER_NAMES.map((n) => [n, null])));

  const pages = search.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const first = pages[0];
  const panel = (
    <Suspense fallback={<Skeleton height={320} radius="md" />}>
      <FilterPanel
        value={filters}
        facets={first?.facets}
        onChange={(name, value) => update({ [name]: value })}
        onClear={clearFilters}
      />
    </Suspense>
  );

  return (
    <>
      <PageHeader title={t('search.title')} subtitle={t('search.subtitle')} />
      <SearchBox key={q} initial={q} onSearch={(text) => update({ q: text || null })} />
      <Grid gap="xl">
        {wide && (
          <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
            <Paper withBorder p="md">
              {panel}
            </Paper>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Group justify="space-between" mb="md" gap="xs">
            <div>
              <Text
                fw={600}
                style={{ fontVariantNumeric: 'tabular-nums' }}
                aria-live="polite"
                data-testid="catalogue-total"
              >
                {first
                  ? first.totalIsEstimate
                    ? t('search.resultsEstimate', { formatted: formatNumber(first.total, lng) })
                    : t('search.results', { count: first.total, formatted: formatNumber(first.total, lng) })
                  : ' '}
              </Text>
              {first?.totalIsEstimate && (
                <Text size="xs" c="dimmed" data-testid="catalogue-counts-estimate">
                  {t('search.countsEstimate', { formatted: formatNumber(first.total, lng) })}
                </Text>
              )}
            </div>
            <Group gap="xs">
              <Button
                hiddenFrom="md"
                variant="light"
                color="cham"
                leftSection={<IconAdjustmentsHorizontal size={16} />}
                onClick={open}
              >
                {t('search.showFilters')}
              </Button>
              {/* A native select: the phone's own picker, and no dropdown code on the first route. */}
              <NativeSelect
                aria-label={t('search.sortLabel')}
                w={190}
                value={sort ?? (q ? 'relevance' : 'newest')}
                onChange={(event) => update({ sort: event.currentTarget.value })}
                data={CATALOGUE_SORTS.filter((s) => q || s !== 'relevance').map((s) => ({
                  value: s,
                  label: t(`search.sort.${s}`),
                }))}
              />
            </Group>
          </Group>
          {search.isPending ? (
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} aria-busy="true">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} height={300} radius="md" />
              ))}
            </SimpleGrid>
          ) : search.isError ? (
            <ErrorState error={search.error} onRetry={() => void search.refetch()} />
          ) : items.length === 0 ? (
            <EmptyState
              icon={<IconZoomQuestion size={28} />}
              title={t('search.emptyTitle')}
              body={t('search.emptyBody')}
              action={
                FILTER_NAMES.some((n) => filters[n]) ? (
                  <Button variant="light" onClick={clearFilters}>
                    {t('search.clearFilters')}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <>
              {/* While a new search loads, the previous results stay, dimmed and marked busy. */}
              <SimpleGrid
                cols={{ base: 1, xs: 2, lg: 3 }}
                data-testid="catalogue-results"
                className="cm-deferred-cells"
                aria-busy={search.isFetching && !search.isFetchingNextPage}
                style={{
                  opacity: search.isFetching && !search.isFetchingNextPage ? 0.55 : 1,
                  transition: 'opacity 120ms',
                }}
              >
                {items.map((p) => (
                  <ProductCard key={p.id} product={p} />
                ))}
              </SimpleGrid>
              {search.hasNextPage && (
                <Group justify="center" mt="xl">
                  <Button
                    variant="light"
                    color="cham"
                    loading={search.isFetchingNextPage}
                    onClick={() => void search.fetchNextPage()}
                    data-testid="load-more"
                  >
                    {t('search.loadMore')}
                  </Button>
                </Group>
              )}
            </>
          )}
        </Grid.Col>
      </Grid>
      {drawerUsed && (
        <Suspense fallback={null}>
          <FilterDrawer
            opened={drawer}
            onClose={close}
            title={t('filters.title')}
            position="bottom"
            size="85%"
          >
            {panel}
          </FilterDrawer>
        </Suspense>
      )}
    </>
  );
}
