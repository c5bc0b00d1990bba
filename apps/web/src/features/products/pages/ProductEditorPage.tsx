import { useCallback, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconEyeOff,
  IconExternalLink,
  IconInfoCircle,
  IconPhoto,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CreateProductRequest, Product } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useDeleteProduct } from '../api/delete-product';
import { useProduct } from '../api/get-product';
import { useWorkshops } from '../api/get-workshops';
import { usePublishProduct } from '../api/publish-product';
import { useSaveProduct } from '../api/save-product';
import { ConfirmModal } from '../components/ConfirmModal';
import { PhotoManager } from '../components/PhotoManager';
import { ProductForm } from '../components/ProductForm';
import { ProductStatusBadge } from '../components/ProductStatusBadge';

/** /products/new and /products/:id: the form, then photos and publishing once the product exists. */
export function ProductEditorPage() {
  const { id } = useParams();
  const product = useProduct(id);
  const { t } = useTranslation(['products', 'common']);

  if (!id) return <Editor />;
  if (product.isPending) return <Skeleton height={420} radius="lg" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  return <Editor key={product.data.id} product={product.data} title={t('editor.editTitle')} />;
}

function Editor({ product, title }: { product?: Product; title?: string }) {
  const { t, i18n } = useTranslation(['products', 'common']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const navigate = useNavigate();
  const me = useMe();
  const companyId = me.data?.company?.id;
  const companyStatus = me.data?.company?.status;
  const workshops = useWorkshops(companyId);
  const save = useSaveProduct(product?.id);
  const publish = usePublishProduct(product?.id ?? '');
  const remove = useDeleteProduct();
  const [dirty, setDirty] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);

  const name = product ? (language === 'vi' ? product.nameVi : product.nameEn) : '';

  const onSubmit = async (body: CreateProductRequest) => {
    const saved = await save.mutateAsync(body);
    if (!product) {
      notifications.show({ color: 'celadon', message: t('editor.created') });
      void navigate(`/products/${saved.id}`, { replace: true });
    } else {
      notifications.show({ color: 'celadon', message: t('editor.saved') });
    }
  };

  const togglePublish = (next: boolean) =>
    publish.mutate(next, {
      onSuccess: () =>
        notifications.show({
          color: 'celadon',
          message: next ? t('editor.published') : t('editor.unpublished'),
        }),
      onError: (error) =>
        notifications.show({
          color: 'lacquer',
          title: t('common:states.errorTitle'),
          message: errorMessageOf(error, t),
        }),
    });

  const approved = companyStatus === 'approved';
  const blockedReason =
    companyStatus === 'suspended'
      ? t('editor.suspendedExplain')
      : !approved
        ? t('editor.pendingExplain')
        : dirty
          ? t('editor.unsaved')
          : null;

  return (
    <>
      <Anchor component={Link} to="/products" fz="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> {t('editor.back')}
      </Anchor>
      <PageHeader
        title={product ? name || (title ?? '') : t('editor.newTitle')}
        subtitle={product ? <ProductStatusBadge status={product.status} size="md" /> : undefined}
        actions={
          product && (
            <Group gap="xs" wrap="wrap">
              {product.status === 'published' && (
                <Button
                  component="a"
                  href={`/p/${product.slug}`}
                  target="_blank"
                  variant="subtle"
                  leftSection={<IconExternalLink size={16} />}
                >
                  {t('editor.publicPage')}
                </Button>
              )}
              <Button
                variant="default"
                color="lacquer"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDeleting(true)}
                data-testid="product-delete"
              >
                {t('editor.delete')}
              </Button>
            </Group>
          )
        }
      />
      <Stack gap="lg">
        {product?.status === 'unpublished' && product.moderationReason && (
          <Alert
            color="lacquer"
            variant="light"
            icon={<IconAlertTriangle size={20} />}
            title={t('editor.moderatedTitle')}
            data-testid="product-moderated"
          >
            {t('editor.moderatedBody', { reason: product.moderationReason })}
          </Alert>
        )}

        {product && (
          <Card data-testid="product-publish-card">
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Stack gap={4} style={{ flex: '1 1 240px' }}>
                <ProductStatusBadge status={product.status} size="lg" />
                {blockedReason && product.status !== 'published' && (
                  <Group gap={6} wrap="nowrap" c="dimmed">
                    <IconInfoCircle size={16} style={{ flexShrink: 0 }} />
                    <Text fz="sm" c="dimmed" data-testid="product-publish-hint">
                      {blockedReason}
                    </Text>
                  </Group>
                )}
              </Stack>
              {product.status === 'published' ? (
                <Button
                  variant="default"
                  leftSection={<IconEyeOff size={18} />}
                  loading={publish.isPending}
                  onClick={() => togglePublish(false)}
                  data-testid="product-unpublish"
                >
                  {t('editor.unpublish')}
                </Button>
              ) : (
                <Button
                  color="lacquer"
                  leftSection={<IconSend size={18} />}
                  loading={publish.isPending}
                  disabled={blockedReason !== null}
                  onClick={() => togglePublish(true)}
                  data-testid="product-publish"
                >
                  {t('editor.publish')}
                </Button>
              )}
            </Group>
          </Card>
        )}

        {product ? (
          <PhotoManager product={product} name={name} />
        ) : (
          <Alert color="cham" variant="light" icon={<IconPhoto size={20} />}>
            {t('photos.saveFirst')}
          </Alert>
        )}

        <ProductForm
          product={product}
          workshops={workshops.data ?? []}
          saving={save.isPending}
          onSubmit={onSubmit}
          onDirtyChange={onDirtyChange}
        />
      </Stack>

      {product && (
        <ConfirmModal
          opened={deleting}
          title={t('editor.deleteTitle')}
          body={t('editor.deleteBody', { name })}
          confirmLabel={t('editor.delete')}
          loading={remove.isPending}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(product.id, {
              onSuccess: () => {
                notifications.show({ color: 'celadon', message: t('editor.deleted') });
                void navigate('/products', { replace: true });
              },
              onError: (error) => {
                setDeleting(false);
                notifications.show({ color: 'lacquer', message: errorMessageOf(error, t) });
              },
            })
          }
        />
      )}
    </>
  );
}
