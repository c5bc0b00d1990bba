import { AspectRatio, Badge, Box, Card, Center, Group, Image, Stack, Text } from '@mantine/core';
import { IconMapPin, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fileThumbUrl, productPagePath, type CatalogueProductCard } from '@craftmatch/shared';
import { currentPublicLanguage } from '../../../lib/i18n';
import { formatNumber, formatPriceRange, localized } from './format';

export function ProductCard({ product }: { product: CatalogueProductCard }) {
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentPublicLanguage(i18n.resolvedLanguage);
  const name = localized(product, lng);
  const price = formatPriceRange(product.priceMin, product.priceMax, product.currency, lng);
  return (
    <Card
      component={Link}
      to={productPagePath(product.slug)}
      withBorder
      padding="sm"
      radius="md"
      data-testid="product-card"
      className="cm-link-plain"
      style={{ height: '100%' }}
    >
      <Card.Section>
        <AspectRatio ratio={4 / 3}>
          {product.photoFileId ? (
            <Image src={fileThumbUrl(product.photoFileId)} alt={name} loading="lazy" fit="cover" />
          ) : (
            <Center bg="var(--cm-paper)" aria-label={t('card.noPhoto')} role="img">
              <IconPhoto size={40} stroke={1.2} color="var(--mantine-color-rattan-7)" />
            </Center>
          )}
        </AspectRatio>
      </Card.Section>
      <Stack gap={6} mt="sm">
        <Text fw={600} lineClamp={2} lh={1.3}>
          {name}
        </Text>
        <Text fz="sm" c="dimmed" lineClamp={1}>
          {product.company.name}
        </Text>
        {product.villageName && (
          <Group gap={4} wrap="nowrap">
            <IconMapPin size={14} color="var(--mantine-color-lacquer-6)" />
            <Text fz="xs" c="dimmed" lineClamp={1}>
              {product.villageName}
            </Text>
          </Group>
        )}
        <Box mt="auto">
          <Text fw={700} c="cham.6" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {price ?? t('card.priceOnRequest')}
          </Text>
          {product.moq !== null && (
            <Text fz="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('card.moq', {
                value: `${formatNumber(product.moq, lng)} ${t(`units.${product.unit}`, { defaultValue: product.unit })}`,
              })}
            </Text>
          )}
        </Box>
        {product.certifications.length > 0 && (
          <Group gap={4}>
            {product.certifications.slice(0, 3).map((c) => (
              <Badge key={c} size="xs" variant="light" color="celadon">
                {c.replace(/_/g, ' ')}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
