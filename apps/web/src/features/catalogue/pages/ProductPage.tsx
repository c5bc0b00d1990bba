import type { ReactNode } from 'react';
import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Grid,
  Group,
  Image,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconDownload, IconMapPin, IconPackageOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fileThumbUrl, formatHsCode } from '@craftmatch/shared';
import { EmptyState, ErrorState, PageLoader } from '../../../components/StateViews';
import { ApiError } from '../../../lib/api-client';
import { currentPublicLanguage } from '../../../lib/i18n';
import { usePublicProduct } from '../api/get-product';
import { BoothCard } from '../components/BoothCard';
import { formatNumber, formatPriceRange, localized } from '../components/format';
import { InquiryForm } from '../components/InquiryForm';
import { ProductGallery } from '../components/ProductGallery';
import { TraceabilityStory } from '../components/TraceabilityStory';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="45%" fw={500} c="dimmed" fz="sm">
        {label}
      </Table.Th>
      <Table.Td fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Table.Td>
    </Table.Tr>
  );
}

export function NotAvailable({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation('catalogue');
  return (
    <EmptyState
      icon={<IconPackageOff size={28} />}
      title={title}
      titleOrder={1}
      body={body}
      action={
        <Button component={Link} to="/catalogue" variant="light">
          {t('product.back')}
        </Button>
      }
    />
  );
}

/** The public product page reached by QR: photos first, then the traceability story. */
export function ProductPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentPublicLanguage(i18n.resolvedLanguage);
  const product = usePublicProduct(slug);

  if (product.isPending) return <PageLoader />;
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) {
      return <NotAvailable title={t('product.notFoundTitle')} body={t('product.notFoundBody')} />;
    }
    return <ErrorState error={product.error} onRetry={() => void product.refetch()} titleOrder={1} />;
  }
  const p = product.data;
  const name = localized(p, lng);
  const description =
    lng === 'vi' ? (p.descriptionVi ?? p.descriptionEn) : (p.descriptionEn ?? p.descriptionVi);
  const price = formatPriceRange(p.priceMin, p.priceMax, p.currency, lng);
  const unit = t(`units.${p.unit}`, { defaultValue: p.unit });
  const ex = p.exhibitor;

  return (
    <Stack gap="xl">
      <Anchor component={Link} to="/catalogue" fz="sm" c="cham.6">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('product.back')}
        </Group>
      </Anchor>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ProductGallery photoIds={p.photoFileIds} name={name} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Badge variant="light" color="rattan" w="fit-content">
              {lng === 'vi' ? p.category.nameVi : p.category.nameEn}
            </Badge>
            <Title order={1} fz={{ base: 26, sm: 32 }} c="cham.6" lh={1.2}>
              {name}
            </Title>
            {lng !== 'vi' && p.nameVi !== name && (
              <Text c="dimmed" lang="vi">
                {p.nameVi}
              </Text>
            )}
            <Text fz={28} fw={700} c="lacquer.7" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {price ?? t('card.priceOnRequest')}
            </Text>
            <Table withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                {p.moq !== null && (
                  <Row label={t('product.moq')}>{`${formatNumber(p.moq, lng)} ${unit}`}</Row>
                )}
                {p.leadTimeDays !== null && (
                  <Row label={t('product.leadTime')}>{t('product.days', { count: p.leadTimeDays })}</Row>
                )}
                {p.monthlyCapacity !== null && (
                  <Row label={t('product.capacity')}>{`${formatNumber(p.monthlyCapacity, lng)} ${unit}`}</Row>
                )}
                {p.hsCode && <Row label={t('product.hsCode')}>{formatHsCode(p.hsCode)}</Row>}
                {p.lengthCm && p.widthCm && p.heightCm && (
                  <Row label={t('product.size')}>
                    {t('product.sizeValue', { l: p.lengthCm, w: p.widthCm, h: p.heightCm })}
                  </Row>
                )}
                {p.weightKg && (
                  <Row label={t('product.weight')}>{t('product.weightValue', { value: p.weightKg })}</Row>
                )}
              </Table.Tbody>
            </Table>
            <Paper withBorder p="md">
              <Text fz="xs" tt="uppercase" fw={600} c="dimmed" mb={6}>
                {t('product.exhibitor')}
              </Text>
              <Group gap="sm" wrap="nowrap">
                <Avatar
                  src={ex.logoFileId ? fileThumbUrl(ex.logoFileId) : null}
                  color="lacquer"
                  radius="md"
                  size={48}
                >
                  {ex.name.slice(0, 1)}
                </Avatar>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={600}>{ex.name}</Text>
                  {(ex.village || ex.province) && (
                    <Group gap={4} wrap="nowrap">
                      <IconMapPin size={13} />
                      <Text fz="xs" c="dimmed">
                        {[
                          ex.village?.nameVi,
                          ex.province ? (lng === 'vi' ? ex.province.nameVi : ex.province.nameEn) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Group>
                  )}
                  <Anchor component={Link} to={`/e/${ex.id}`} fz="sm">
                    {t('product.viewExhibitor', { name: ex.name })}
                  </Anchor>
                </Stack>
              </Group>
            </Paper>
            <BoothCard booth={p.booth} />
          </Stack>
        </Grid.Col>
      </Grid>
      {description && (
        <Stack gap="xs" component="section">
          <Title order={2} fz="xl" c="cham.6">
            {t('product.description')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }} maw={820}>
            {description}
          </Text>
        </Stack>
      )}
      <TraceabilityStory product={p} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <InquiryForm slug={p.slug} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg" data-testid="product-qr">
            <Title order={2} fz="lg" c="cham.6">
              {t('product.qrTitle')}
            </Title>
            <Text fz="sm" c="dimmed" mb="sm">
              {t('product.qrHint')}
            </Text>
            <Group align="center" gap="lg" wrap="wrap">
              <Image src={p.qr.svg} alt={t('product.qrAlt')} w={160} h={160} bg="white" />
              <Stack gap="xs">
                <Button
                  component="a"
                  href={p.qr.svg}
                  download
                  variant="light"
                  leftSection={<IconDownload size={16} />}
                >
                  {t('product.downloadSvg')}
                </Button>
                <Button
                  component="a"
                  href={p.qr.png}
                  download
                  variant="light"
                  leftSection={<IconDownload size={16} />}
                >
                  {t('product.downloadPng')}
                </Button>
                <Text fz="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  {p.publicUrl}
                </Text>
              </Stack>
            </Group>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
