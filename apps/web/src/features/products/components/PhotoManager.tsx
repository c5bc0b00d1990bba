import { useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  AspectRatio,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconChevronLeft,
  IconChevronRight,
  IconPhotoPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_PRODUCT_PHOTOS, type Product } from '@craftmatch/shared';
import { errorMessageOf } from '../../../lib/api-client';
import { useDeletePhoto } from '../api/delete-photo';
import { useReorderPhotos } from '../api/reorder-photos';
import { useUploadPhoto } from '../api/upload-photo';
import { ConfirmModal } from './ConfirmModal';

const ACCEPT = 'image/jpeg,image/png,image/webp';

/** Upload (several at once), reorder and delete a product's photos; the first is the cover. */
export function PhotoManager({ product, name }: { product: Product; name: string }) {
  const { t } = useTranslation(['products', 'errors']);
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadPhoto(product.id);
  const remove = useDeletePhoto(product.id);
  const reorder = useReorderPhotos(product.id);
  const [error, setError] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<string | null>(null);
  const photos = product.photos;
  const full = photos.length >= MAX_PRODUCT_PHOTOS;

  const onFiles = async (files: FileList | null) => {
    setError(null);
    const chosen = Array.from(files ?? []).slice(0, MAX_PRODUCT_PHOTOS - photos.length);
    for (const file of chosen) {
      try {
        await upload.mutateAsync(file);
      } catch (cause) {
        setError(errorMessageOf(cause, t));
        break;
      }
    }
    if (input.current) input.current.value = '';
  };

  const move = (index: number, by: -1 | 1) => {
    const ids = photos.map((p) => p.fileId);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved);
    setError(null);
    reorder.mutate(ids, { onError: (cause) => setError(errorMessageOf(cause, t)) });
  };

  return (
    <Card data-testid="product-photos">
      <Group justify="space-between" align="flex-start" mb="xs" gap="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {t('photos.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {full
              ? t('photos.full', { max: MAX_PRODUCT_PHOTOS })
              : t('photos.hint', { max: MAX_PRODUCT_PHOTOS })}
          </Text>
        </Stack>
        <Button
          variant="light"
          leftSection={<IconPhotoPlus size={18} />}
          loading={upload.isPending}
          disabled={full}
          onClick={() => input.current?.click()}
          data-testid="product-photo-add"
        >
          {t('photos.add')}
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          data-testid="product-photo-input"
          onChange={(event) => void onFiles(event.currentTarget.files)}
        />
      </Group>
      {error && (
        <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert" mb="sm">
          {error}
        </Alert>
      )}
      {photos.length === 0 ? (
        <Paper withBorder p="lg" style={{ borderStyle: 'dashed' }} ta="center">
          <Text c="dimmed" fz="sm">
            {t('photos.empty')}
          </Text>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 2, xs: 3, md: 4 }} spacing="sm">
          {photos.map((photo, index) => (
            <Paper key={photo.fileId} withBorder radius="md" p={4} data-testid="product-photo">
              <AspectRatio ratio={1}>
                <Image
                  src={photo.thumbUrl}
                  alt={t('photos.alt', { n: index + 1, name })}
                  radius="sm"
                  fit="cover"
                  loading="lazy"
                />
              </AspectRatio>
              <Group justify="space-between" gap={2} mt={4} wrap="nowrap">
                {index === 0 ? (
                  <Badge size="xs" color="rattan" variant="filled">
                    {t('photos.cover')}
                  </Badge>
                ) : (
                  <span />
                )}
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    size="md"
                    aria-label={t('photos.moveLeft')}
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, -1)}
                  >
                    <IconChevronLeft size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    size="md"
                    aria-label={t('photos.moveRight')}
                    disabled={index === photos.length - 1 || reorder.isPending}
                    onClick={() => move(index, 1)}
                  >
                    <IconChevronRight size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="lacquer"
                    size="md"
                    aria-label={t('photos.delete')}
                    onClick={() => setToDelete(photo.fileId)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <ConfirmModal
        opened={toDelete !== null}
        title={t('photos.deleteTitle')}
        body={t('photos.deleteBody')}
        confirmLabel={t('photos.delete')}
        loading={remove.isPending}
        onClose={() => setToDelete(null)}
        onConfirm={() => {
          if (!toDelete) return;
          remove.mutate(toDelete, {
            onSuccess: () => setToDelete(null),
            onError: (cause) => {
              setToDelete(null);
              setError(errorMessageOf(cause, t));
            },
          });
        }}
      />
    </Card>
  );
}
