import { useState } from 'react';
import { AspectRatio, Center, Group, Image, Paper, UnstyledButton } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fileThumbUrl, fileUrl } from '@craftmatch/shared';

export function ProductGallery({ photoIds, name }: { photoIds: string[]; name: string }) {
  const { t } = useTranslation('catalogue');
  const [index, setIndex] = useState(0);
  if (photoIds.length === 0) {
    return (
      <Paper withBorder>
        <AspectRatio ratio={4 / 3}>
          <Center bg="var(--cm-paper)" role="img" aria-label={t('card.noPhoto')}>
            <IconPhoto size={64} stroke={1.1} color="var(--mantine-color-rattan-7)" />
          </Center>
        </AspectRatio>
      </Paper>
    );
  }
  const current = photoIds[Math.min(index, photoIds.length - 1)];
  return (
    <div>
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <AspectRatio ratio={4 / 3}>
          <Image
            src={fileUrl(current)}
            alt={t('product.photoAlt', { name, n: index + 1 })}
            fit="contain"
            bg="white"
          />
        </AspectRatio>
      </Paper>
      {photoIds.length > 1 && (
        <Group gap="xs" mt="xs">
          {photoIds.map((id, i) => (
            <UnstyledButton
              key={id}
              onClick={() => setIndex(i)}
              aria-label={t('product.photoAlt', { name, n: i + 1 })}
              aria-pressed={i === index}
              style={{
                border: `2px solid ${i === index ? 'var(--mantine-color-cham-6)' : 'transparent'}`,
                borderRadius: 6,
              }}
            >
              <Image src={fileThumbUrl(id)} alt="" w={64} h={64} fit="cover" radius="sm" loading="lazy" />
            </UnstyledButton>
          ))}
        </Group>
      )}
    </div>
  );
}
