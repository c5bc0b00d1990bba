import { useState } from 'react';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconAt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { applyServerErrors } from '../../../lib/forms';
import { startSession } from '../../../lib/session';
import { useLogin } from '../api/login';
import { isEmail } from '../components/validation';

export function LoginPage() {
  const { t } = useTranslation(['auth', 'errors']);
  const [params] = useSearchParams();
  const login = useLogin();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (isEmail(v) ? null : t('errors:field.INVALID_EMAIL')),
      password: (v) => (v ? null : t('errors:field.REQUIRED')),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (session) => startSession(session, params.get('next')),
        onError: (error) => setFormError(applyServerErrors(form, error, t)),
      },
    );
  });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} c="cham.6">
          {t('login.title')}
        </Title>
        <Text c="dimmed">{t('login.subtitle')}</Text>
      </Stack>
      {params.get('expired') && (
        <Alert color="rattan" variant="light" icon={<IconAlertCircle size={18} />}>
          {t('login.expired')}
        </Alert>
      )}
      {formError && (
        <Alert
          color="lacquer"
          variant="light"
          icon={<IconAlertCircle size={18} />}
          role="alert"
          data-testid="form-error"
        >
          {formError}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('fields.email')}
            placeholder={t('fields.emailPlaceholder')}
            type="email"
            autoComplete="email"
            leftSection={<IconAt size={16} />}
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt={-6}>
            <Anchor component={Link} to="/forgot-password" fz="sm">
              {t('login.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" size="md" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      <Text ta="center" fz="sm" c="dimmed">
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to="/register" fw={600}>
          {t('login.register')}
        </Anchor>
      </Text>
    </Stack>
  );
}
