import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconMapPin, IconPackage, IconWorldWww } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CERTIFICATIONS, fileThumbUrl } from '@craftmatch/shared';
import { EmptyState, ErrorState, PageLoader } from '../../../components/StateViews';
import { ApiError } from '../../../lib/api-client';
import { currentPublicLanguage } from '../../../lib/i18n';
import { usePublicExhibitor } from '../api/get-exhibitor';
import { useSearchProducts } from '../api/search-products';
import { BoothCard } from '../components/BoothCard';
import { formatDate } from '../components/format';
import { ProductCard } from '../components/ProductCard';
import { NotAvailable } from './ProductPage';

function regionName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** An exhibitor's public page: who they are, where they are at the fair, and their products. */
export function ExhibitorPage() {
  const { companyId = '' } = useParams();
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentPublicLanguage(i18n.resolvedLanguage);
  const exhibitor = usePublicExhibitor(companyId);
  const products = useSearchProducts({ exhibitor: companyId, sort: 'newest' });

  if (exhibitor.isPending) return <PageLoader />;
  if (exhibitor.isError) {
    if (exhibitor.error instanceof ApiError && [400, 404].includes(exhibitor.error.status)) {
      return <NotAvailable title={t('exhibitor.notFoundTitle')} body={t('exhibitor.notFoundBody')} />;
    }
    return <ErrorState error={exhibitor.error} onRetry={() => void exhibitor.refetch()} />;
  }
  const ex = exhibitor.data;
  const description =
    lng === 'vi' ? (ex.descriptionVi ?? ex.descriptionEn) : (ex.descriptionEn ?? ex.descriptionVi);
  const items = products.data?.pages.flatMap((p) => p.items) ?? ex.products.items;
  const place = [
    ex.village?.nameVi ?? ex.villageOther,
    ex.province ? (lng === 'vi' ? ex.province.nameVi : ex.province.nameEn) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Stack gap="xl">
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Group gap="lg" wrap="nowrap" align="flex-start">
            <Avatar
              src={ex.logoFileId ? fileThumbUrl(ex.logoFileId) : null}
              size={88}
              radius="md"
              color="lacquer"
            >
              {ex.name.slice(0, 1)}
            </Avatar>
            <Stack gap={6} style={{ minWidth: 0 }}>
              <Title order={1} fz={{ base: 24, sm: 30 }} c="cham.6">
                {ex.name}
              </Title>
              {ex.legalName && ex.legalName !== ex.name && <Text c="dimmed">{ex.legalName}</Text>}
              {place && (
                <Group gap={4}>
                  <IconMapPin size={15} color="var(--mantine-color-lacquer-6)" />
                  <Text fz="sm">{place}</Text>
                </Group>
              )}
              <Group gap="md" fz="sm">
                {ex.yearFounded && <Text fz="sm">{t('exhibitor.founded', { year: ex.yearFounded })}</Text>}
                {ex.employees !== null && (
                  <Text fz="sm">{t('exhibitor.employees', { count: ex.employees })}</Text>
                )}
              </Group>
              {ex.website && (
                <Anchor href={ex.website} target="_blank" rel="noopener noreferrer" fz="sm">
                  <Group gap={4}>
                    <IconWorldWww size={15} />
                    {t('exhibitor.website')}
                  </Group>
                </Anchor>
              )}
            </Stack>
          </Group>
          {description && (
            <Text mt="lg" style={{ whiteSpace: 'pre-line' }}>
              {description}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <BoothCard booth={ex.booth} />
            {ex.booth && (
              <Button
                component="a"
                href={`/meetings/new?fair=${ex.booth.fairId}&company=${ex.id}`}
                color="cham"
                data-testid="request-meeting"
              >
                {t('meetings:inbox.newRequest')}
              </Button>
            )}
            {(ex.exportMarkets.length > 0 || ex.languages.length > 0 || ex.certifications.length > 0) && (
              <Paper withBorder p="md">
                <Stack gap="sm">
                  {ex.exportMarkets.length > 0 && (
                    <div>
                      <Text fz="xs" tt="uppercase" fw={600} c="dimmed">
                        {t('exhibitor.exportMarkets')}
                      </Text>
                      <Text fz="sm">{ex.exportMarkets.map((c) => regionName(c, lng)).join(', ')}</Text>
                    </div>
                  )}
                  {ex.languages.length > 0 && (
                    <div>
                      <Text fz="xs" tt="uppercase" fw={600} c="dimmed">
                        {t('exhibitor.languages')}
                      </Text>
                      <Text fz="sm">{ex.languages.join(', ')}</Text>
                    </div>
                  )}
                  {ex.certifications.length > 0 && (
                    <div>
                      <Text fz="xs" tt="uppercase" fw={600} c="dimmed" mb={4}>
                        {t('exhibitor.certifications')}
                      </Text>
                      <Group gap={6}>
                        {ex.certifications.map((c) => (
                          <Badge
                            key={c.type}
                            variant="light"
                            color={c.valid ? 'celadon' : 'gray'}
                            title={c.expiresOn ? formatDate(c.expiresOn, lng) : undefined}
                          >
                            {CERTIFICATIONS.find((x) => x.code === c.type)?.name ?? c.type}
                          </Badge>
                        ))}
                      </Group>
                    </div>
                  )}
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack gap="md" component="section">
        <Title order={2} fz="xl" c="cham.6">
          {t('exhibitor.products')}
        </Title>
        {products.isError ? (
          <ErrorState error={products.error} onRetry={() => void products.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconPackage size={28} />}
            title={t('exhibitor.noProducts')}
            body={t('search.subtitle')}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }}>
            {items.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </SimpleGrid>
        )}
        {products.hasNextPage && (
          <Group justify="center">
            <Button
              variant="light"
              loading={products.isFetchingNextPage}
              onClick={() => void products.fetchNextPage()}
            >
              {t('search.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Stack>
  );
}
