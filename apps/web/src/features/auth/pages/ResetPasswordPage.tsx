import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isStrongPassword } from '@craftmatch/shared';
import { applyServerErrors } from '../../../lib/forms';
import { useResetPassword } from '../api/reset-password';
import { PasswordField } from '../components/PasswordField';

export function ResetPasswordPage() {
  const { t } = useTranslation(['auth', 'errors']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (isStrongPassword(v) ? null : t('errors:field.WEAK_PASSWORD')),
      confirm: (v, values) => (v === values.password ? null : t('reset.mismatch')),
    },
  });

  if (!token) {
    return (
      <Stack gap="md">
        <Title order={2} c="cham.6">
          {t('reset.title')}
        </Title>
        <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />}>
          {t('reset.missingToken')}
        </Alert>
        <Button component={Link} to="/forgot-password" variant="light">
          {t('reset.requestNew')}
        </Button>
      </Stack>
    );
  }

  if (reset.isSuccess) {
    return (
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={52} radius="xl" color="celadon" variant="light">
          <IconCircleCheck size={28} stroke={1.6} />
        </ThemeIcon>
        <Title order={2} c="cham.6">
          {t('reset.doneTitle')}
        </Title>
        <Text>{t('reset.doneBody')}</Text>
        <Button component={Link} to="/login">
          {t('reset.signIn')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} c="cham.6">
          {t('reset.title')}
        </Title>
        <Text c="dimmed">{t('reset.subtitle')}</Text>
      </Stack>
      {formError && (
        <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {formError}{' '}
          <Anchor component={Link} to="/forgot-password" fz="sm">
            {t('reset.requestNew')}
          </Anchor>
        </Alert>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          reset.mutate(
            { token, password: values.password },
            { onError: (error) => setFormError(applyServerErrors(form, error, t)) },
          );
        })}
      >
        <Stack gap="md">
          <PasswordField
            label={t('reset.password')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
            value={form.values.password}
          />
          <PasswordInput
            label={t('reset.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" size="md" loading={reset.isPending} fullWidth>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
