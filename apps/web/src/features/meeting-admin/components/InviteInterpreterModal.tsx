import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@craftmatch/shared';
import { LANGUAGE_NAMES } from '../../../components/LanguageSwitcher';
import { FormError } from '../../../components/StateViews';
import { applyServerErrors } from '../../../lib/forms';
import { currentLanguage } from '../../../lib/i18n';
import { useInviteInterpreter } from '../api/interpreters';

/** Interpreters get their own login: the organizer's staff invitation, with the interpreter role. */
export function InviteInterpreterModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation(['meetingAdmin', 'errors']);
  const invite = useInviteInterpreter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', fullName: '', locale: currentLanguage(i18n.language) as Language },
    validate: {
      email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('errors:field.INVALID_EMAIL')),
    },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('interpreters.inviteTitle')} centered>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          invite.mutate(
            {
              email: values.email.trim(),
              fullName: values.fullName.trim() || undefined,
              locale: values.locale,
            },
            {
              onSuccess: (invitation) => {
                notifications.show({
                  color: 'celadon',
                  title: t('interpreters.invitedTitle'),
                  message: t('interpreters.invited', { email: invitation.email }),
                });
                close();
              },
              onError: (error) => setFormError(applyServerErrors(form, error, t)),
            },
          );
        })}
      >
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t('interpreters.inviteBody')}
          </Text>
          <TextInput
            label={t('interpreters.email')}
            type="email"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <TextInput label={t('interpreters.fullName')} {...form.getInputProps('fullName')} />
          <Select
            label={t('interpreters.mailLanguage')}
            data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <FormError message={formError} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconSend size={16} />} loading={invite.isPending}>
              {t('interpreters.sendInvite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
