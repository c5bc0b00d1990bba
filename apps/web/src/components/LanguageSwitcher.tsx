import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@craftmatch/shared';
import { currentLanguage } from '../lib/i18n';
import { rememberLanguageChoice } from '../lib/session';

/** Each language is named in itself, so anyone can find their own. */
export const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

interface LanguageSwitcherProps {
  compact?: boolean;
}

export function LanguageSwitcher({ compact = false }: LanguageSwitcherProps) {
  const { t, i18n } = useTranslation('common');
  const active = currentLanguage(i18n.resolvedLanguage);

  const choose = (language: Language) => {
    if (language === active) return;
    void i18n.changeLanguage(language);
    rememberLanguageChoice(language);
  };

  return (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="cham"
          size="sm"
          leftSection={<IconLanguage size={18} stroke={1.6} />}
          data-testid="language-switcher"
          px={compact ? 'xs' : undefined}
        >
          {/* Named by its text ("Language: English"), so the visible text is part of the name. */}
          <VisuallyHidden>{t('language.label')}: </VisuallyHidden>
          {compact ? active.toUpperCase() : LANGUAGE_NAMES[active]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => choose(language)}
            rightSection={language === active ? <IconCheck size={16} /> : null}
            data-testid={`language-${language}`}
          >
            {LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
