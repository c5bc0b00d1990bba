import { useState } from 'react';
import { FormError } from '../../../components/StateViews';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@craftmatch/shared';
import { LANGUAGE_NAMES } from '../../../components/LanguageSwitcher';
import { applyServerErrors } from '../../../lib/forms';
import { currentLanguage } from '../../../lib/i18n';
import { useInviteMember } from '../api/invite-member';

export function InviteMemberForm({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation(['companies', 'errors']);
  const invite = useInviteMember(companyId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', locale: currentLanguage(i18n.resolvedLanguage) as Language },
    validate: {
      email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('errors:field.INVALID_EMAIL')),
    },
  });

  return (
    <form
      noValidate
      data-testid="invite-member-form"
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        invite.mutate(
          { email: values.email.trim(), locale: values.locale },
          {
            onSuccess: (invitation) => {
              notifications.show({
                color: 'celadon',
                title: t('invite.sentTitle'),
                message: t('invite.sent', { email: invitation.email }),
              });
              form.reset();
            },
            onError: (error) => setFormError(applyServerErrors(form, error, t)),
          },
        );
      })}
    >
      <Stack gap="sm">
        <FormError message={formError} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label={t('invite.email')}
            placeholder={t('invite.emailPlaceholder')}
            type="email"
            required
            style={{ flex: '2 1 240px' }}
            {...form.getInputProps('email')}
          />
          <Select
            label={t('invite.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            allowDeselect={false}
            style={{ flex: '1 1 140px' }}
            {...form.getInputProps('locale')}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconSend size={16} />} loading={invite.isPending}>
            {t('invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
