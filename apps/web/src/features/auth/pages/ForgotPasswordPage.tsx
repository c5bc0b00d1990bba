import { useState } from 'react';
import { FormError } from '../../../components/StateViews';
import { Anchor, Button, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyServerErrors } from '../../../lib/forms';
import { useForgotPassword } from '../api/forgot-password';
import { isEmail } from '../components/validation';

export function ForgotPasswordPage() {
  const { t } = useTranslation(['auth', 'errors']);
  const forgot = useForgotPassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (isEmail(v) ? null : t('errors:field.INVALID_EMAIL')) },
  });

  const back = (
    <Anchor component={Link} to="/login" fz="sm">
      <IconArrowLeft size={14} style={{ verticalAlign: -2 }} /> {t('forgot.back')}
    </Anchor>
  );

  if (forgot.isSuccess) {
    return (
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={52} radius="xl" color="celadon" variant="light">
          <IconMailCheck size={28} stroke={1.6} />
        </ThemeIcon>
        <Title order={2} c="cham.6">
          {t('forgot.sentTitle')}
        </Title>
        <Text>{t('forgot.sentBody', { email: forgot.variables?.email })}</Text>
        {back}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} c="cham.6">
          {t('forgot.title')}
        </Title>
        <Text c="dimmed">{t('forgot.subtitle')}</Text>
      </Stack>
      <FormError message={formError} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          forgot.mutate(
            { email: values.email.trim() },
            { onError: (error) => setFormError(applyServerErrors(form, error, t)) },
          );
        })}
      >
        <Stack gap="md">
          <TextInput
            label={t('fields.email')}
            placeholder={t('fields.emailPlaceholder')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <Button type="submit" size="md" loading={forgot.isPending} fullWidth>
            {t('forgot.submit')}
          </Button>
        </Stack>
      </form>
      {back}
    </Stack>
  );
}
