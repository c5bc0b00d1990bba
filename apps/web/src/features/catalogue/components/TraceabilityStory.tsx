import type { ReactNode } from 'react';
import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAward, IconCertificate, IconHammer, IconLeaf, IconMapPin, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CERTIFICATIONS, type PublicProduct } from '@craftmatch/shared';
import { currentPublicLanguage } from '../../../lib/i18n';
import { formatDate } from './format';

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color="celadon" radius="xl" size={36}>
        {icon}
      </ThemeIcon>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text fz="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: '0.04em' }}>
          {label}
        </Text>
        <div>{children}</div>
      </Stack>
    </Group>
  );
}

/** Where and by whom the product is made: workshop, artisan, village, materials, certificates, awards. */
export function TraceabilityStory({ product }: { product: PublicProduct }) {
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentPublicLanguage(i18n.resolvedLanguage);
  const none = (
    <Text c="dimmed" fz="sm">
      {t('product.notRecorded')}
    </Text>
  );
  const place = [
    product.village?.nameVi,
    product.province ? (lng === 'vi' ? product.province.nameVi : product.province.nameEn) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'xl' }}
      data-testid="traceability"
      className="cm-deferred-section"
      component="section"
      aria-labelledby="trace-title"
    >
      <Title order={2} fz="xl" c="cham.6" id="trace-title" mb="lg">
        {t('product.traceability')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Fact icon={<IconHammer size={18} />} label={t('product.workshop')}>
          {product.workshop ? (
            <>
              <Text fw={600}>{product.workshop.name}</Text>
              {product.workshop.description && (
                <Text fz="sm" c="dimmed">
                  {product.workshop.description}
                </Text>
              )}
            </>
          ) : (
            <Text fw={600}>{product.exhibitor.name}</Text>
          )}
        </Fact>
        <Fact icon={<IconUser size={18} />} label={t('product.artisan')}>
          {product.artisan ? (
            <>
              <Text fw={600}>{product.artisan.name}</Text>
              {product.artisan.title && (
                <Text fz="sm" c="dimmed">
                  {product.artisan.title}
                </Text>
              )}
            </>
          ) : (
            none
          )}
        </Fact>
        <Fact icon={<IconMapPin size={18} />} label={t('product.village')}>
          {place ? (
            <Text fw={600}>{place}</Text>
          ) : product.workshop?.villageOther ? (
            <Text fw={600}>{product.workshop.villageOther}</Text>
          ) : (
            none
          )}
        </Fact>
        <Fact icon={<IconLeaf size={18} />} label={t('product.materials')}>
          {product.materials.length ? <Text fw={600}>{product.materials.join(', ')}</Text> : none}
          {product.materialOrigin && (
            <Text fz="sm" c="dimmed">
              {t('product.materialOrigin')}: {product.materialOrigin}
            </Text>
          )}
        </Fact>
        <Fact icon={<IconCertificate size={18} />} label={t('product.certifications')}>
          {product.certifications.length ? (
            <List spacing={4} fz="sm" listStyleType="none" p={0}>
              {product.certifications.map((c) => (
                <List.Item key={c.type}>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" color={c.valid ? 'celadon' : 'gray'}>
                      {CERTIFICATIONS.find((x) => x.code === c.type)?.name ?? c.type}
                    </Badge>
                    <Text fz="xs" c={c.valid ? 'dimmed' : 'lacquer.7'}>
                      {c.expiresOn
                        ? t(c.valid ? 'product.validUntil' : 'product.expired', {
                            date: formatDate(c.expiresOn, lng),
                          })
                        : t('product.noExpiry')}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Fact>
        <Fact icon={<IconAward size={18} />} label={t('product.awards')}>
          {product.awards.length ? (
            <List spacing={4} fz="sm">
              {product.awards.map((a, i) => (
                <List.Item key={i}>
                  <Text fz="sm" fw={600} span>
                    {a.name}
                  </Text>
                  {(a.rank || a.year) && (
                    <Text fz="sm" c="dimmed" span>
                      {' '}
                      · {[a.rank, a.year].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
