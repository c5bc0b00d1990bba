import { useState } from 'react';
import { Alert, Button, MultiSelect, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { BOOTH_SIZES, type BoothSize } from '@craftmatch/shared';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { useApplyBooth } from '../api/apply-booth';
import { useEligibleProducts } from '../api/eligible-products';
import { useFairForBooth, useOpenFairs } from '../api/open-fairs';

/** Fair, preferred hall, size and the company's own published products. */
export function ApplyBoothForm({ initialFairId }: { initialFairId?: string | null }) {
  const { t, i18n } = useTranslation(['booths', 'errors']);
  const lng = currentLanguage(i18n.language);
  const fairs = useOpenFairs();
  const products = useEligibleProducts();
  const apply = useApplyBooth();
  const [fairId, setFairId] = useState<string | null>(initialFairId ?? null);
  const [hallId, setHallId] = useState<string | null>(null);
  const [size, setSize] = useState<BoothSize>('3x3');
  const [productIds, setProductIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const slug = fairs.data?.find((f) => f.id === fairId)?.slug ?? null;
  const fair = useFairForBooth(slug);

  if (fairs.data && fairs.data.length === 0) return <Alert color="cham">{t('apply.noOpenFairs')}</Alert>;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!fairId) {
      setErrors({ fairId: t('errors:field.REQUIRED') });
      return;
    }
    setErrors({});
    setFormError(null);
    apply.mutate(
      { fairId, body: { preferredHallId: hallId, size, productIds, note: note.trim() || null } },
      {
        onSuccess: () => {
          notifications.show({ color: 'celadon', message: t('apply.sent') });
          setFairId(null);
          setHallId(null);
          setProductIds([]);
          setNote('');
        },
        onError: (error) => {
          setErrors(fieldErrorsOf(error, t));
          setFormError(errorMessageOf(error, t));
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('apply.formTitle')}
        </Title>
        {formError && (
          <Alert color="lacquer" role="alert">
            {formError}
          </Alert>
        )}
        <Select
          label={t('apply.fair')}
          placeholder={t('apply.fairPlaceholder')}
          required
          data={(fairs.data ?? []).map((f) => ({ value: f.id, label: lng === 'vi' ? f.nameVi : f.nameEn }))}
          value={fairId}
          onChange={(value) => {
            setFairId(value);
            setHallId(null);
          }}
          error={errors.fairId}
          disabled={fairs.isPending}
        />
        <Select
          label={t('apply.hall')}
          placeholder={t('apply.hallPlaceholder')}
          clearable
          data={(fair.data?.halls ?? []).map((h) => ({ value: h.id, label: `${h.code} · ${h.name}` }))}
          value={hallId}
          onChange={setHallId}
          error={errors.preferredHallId}
          disabled={!fair.data}
        />
        <Select
          label={t('apply.size')}
          data={BOOTH_SIZES.map((s) => ({ value: s, label: t(`sizes.${s}`) }))}
          value={size}
          allowDeselect={false}
          onChange={(value) => setSize((value as BoothSize) ?? '3x3')}
        />
        {products.data && products.data.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t('apply.noProducts')}
          </Text>
        ) : (
          <MultiSelect
            label={t('apply.products')}
            description={t('apply.productsHint')}
            searchable
            data={(products.data ?? []).map((p) => ({
              value: p.id,
              label: lng === 'vi' ? p.nameVi : p.nameEn,
            }))}
            value={productIds}
            onChange={setProductIds}
            error={errors.productIds}
            maxValues={50}
          />
        )}
        <Textarea
          label={t('apply.note')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button type="submit" loading={apply.isPending} color="lacquer">
          {t('apply.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
