import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PUBLIC_LANGUAGES, type PublicLanguage } from '@craftmatch/shared';
import { currentPublicLanguage } from '../../../lib/i18n';

/** Each language named in itself. */
export const PUBLIC_LANGUAGE_NAMES: Record<PublicLanguage, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  zh: '简体中文',
  fr: 'Français',
};

/** The six languages of the public pages; the choice is remembered in this browser. */
export function PublicLanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation('catalogue');
  const active = currentPublicLanguage(i18n.resolvedLanguage);
  return (
    <Menu position="bottom-end" shadow="md" width={190}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="cham"
          size="sm"
          leftSection={<IconLanguage size={18} stroke={1.6} />}
          data-testid="public-language-switcher"
          px={compact ? 'xs' : undefined}
        >
          {/* Named by its text ("Language: English"), so the visible text is part of the name. */}
          <VisuallyHidden>{t('language.label')}: </VisuallyHidden>
          {compact ? active.toUpperCase() : PUBLIC_LANGUAGE_NAMES[active]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {PUBLIC_LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => void i18n.changeLanguage(language)}
            rightSection={language === active ? <IconCheck size={16} /> : null}
            data-testid={`public-language-${language}`}
          >
            {PUBLIC_LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
