import { Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarPlus, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Recommendation, WishLevel } from '@craftmatch/shared';
import { countryName } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { reasonText, type ViewerSide } from './reasons';
import { WishButtons } from './WishButtons';

/** The meetings feature's request page, by URL: /meetings/new?fair=&company= */
export const requestMeetingUrl = (fairId: string, companyId: string) =>
  `/meetings/new?${new URLSearchParams({ fair: fairId, company: companyId })}`;

/** A recommended company: score, reasons in the reader's language, best products, wish buttons. */
export function RecommendationCard({
  item,
  side,
  fairId,
  onWish,
}: {
  item: Recommendation;
  side: ViewerSide;
  fairId: string;
  onWish: (level: WishLevel | null) => void;
}) {
  const { t, i18n } = useTranslation('matchmaking');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const country = countryName(item.countryCode, lng);
  return (
    <Paper withBorder p="md" radius="md" data-testid="recommendation">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} fz="lg" style={{ overflowWrap: 'anywhere' }}>
              {item.companyName}
            </Text>
            <Group gap="xs">
              {country && (
                <Text c="dimmed" fz="sm">
                  {country}
                </Text>
              )}
              {item.boothCode && (
                <Badge variant="outline" color="gray" size="sm">
                  {t('booth', { code: item.boothCode })}
                </Badge>
              )}
            </Group>
          </Stack>
          <Badge color="cham" variant="light" size="lg" style={{ flexShrink: 0 }}>
            {t('score', { score: item.score })}
          </Badge>
        </Group>

        {item.reasons.length > 0 && (
          <List
            spacing={4}
            size="sm"
            icon={
              <ThemeIcon size={18} radius="xl" color="teal" variant="light">
                <IconCheck size={12} />
              </ThemeIcon>
            }
            data-testid="reasons"
          >
            {item.reasons.map((r) => (
              <List.Item key={r.code}>{reasonText(t, r, side, lng)}</List.Item>
            ))}
          </List>
        )}

        {item.products.length > 0 && (
          <Stack gap={4}>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('products')}
            </Text>
            {item.products.map((p) => (
              <Group key={p.id} gap="xs" wrap="wrap" fz="sm">
                <Text
                  component={Link}
                  to={`/p/${encodeURIComponent(p.slug)}`}
                  fz="sm"
                  c="cham.7"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {lng === 'vi' ? p.nameVi : p.nameEn}
                </Text>
                {p.currency && (p.priceMin || p.priceMax) && (
                  <Text fz="sm" c="dimmed">
                    {t('price', {
                      min: trimZeros(p.priceMin ?? p.priceMax!),
                      max: trimZeros(p.priceMax ?? p.priceMin!),
                      currency: p.currency,
                    })}
                  </Text>
                )}
                {p.moq !== null && (
                  <Text fz="sm" c="dimmed">
                    {t('moq', { moq: p.moq, unit: t(`products:units.${p.unit}`, { defaultValue: p.unit }) })}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}

        <Group justify="space-between" gap="sm" wrap="wrap">
          <WishButtons value={item.myWish} onChange={onWish} />
          <Button
            component={Link}
            to={requestMeetingUrl(fairId, item.companyId)}
            size="xs"
            variant="subtle"
            leftSection={<IconCalendarPlus size={14} />}
            data-testid="request-meeting"
          >
            {t('requestMeeting')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** "4.0000" → "4", "12.5000" → "12.5": prices are exact decimal strings, shown without padding. */
export function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
