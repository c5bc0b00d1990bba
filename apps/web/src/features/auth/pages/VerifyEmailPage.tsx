import { useEffect, useRef } from 'react';
import { Alert, Button, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessageOf } from '../../../lib/api-client';
import { useSessionStatus } from '../../../lib/session';
import { useResendVerification } from '../api/resend-verification';
import { useVerifyEmail } from '../api/verify-email';

export function VerifyEmailPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useSessionStatus();
  const verify = useVerifyEmail();
  const resend = useResendVerification();
  const started = useRef(false);

  useEffect(() => {
    // A token is single-use: send it once, even under StrictMode's double effects.
    if (!token || started.current) return;
    started.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  const home = status === 'authenticated' ? '/' : '/login';
  const resendBlock =
    status === 'authenticated' ? (
      resend.isSuccess ? (
        <Text c="celadon.8" fz="sm">
          {t('verify.resent')}
        </Text>
      ) : (
        <Button
          variant="light"
          leftSection={<IconMailForward size={16} />}
          loading={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {t('verify.resend')}
        </Button>
      )
    ) : null;

  if (!token) {
    return (
      <Stack gap="md">
        <Title order={2} c="cham.6">
          {t('verify.title')}
        </Title>
        <Alert color="rattan" variant="light" icon={<IconAlertCircle size={18} />}>
          {t('verify.missingToken')}
        </Alert>
        {resendBlock}
      </Stack>
    );
  }

  if (verify.isError) {
    return (
      <Stack gap="md" align="flex-start">
        <Title order={2} c="cham.6">
          {t('verify.failedTitle')}
        </Title>
        <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} w="100%" role="alert">
          {errorMessageOf(verify.error, t)}
        </Alert>
        {resendBlock}
        <Button component={Link} to={home} variant="subtle">
          {t('verify.continue')}
        </Button>
      </Stack>
    );
  }

  if (verify.isSuccess) {
    return (
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={52} radius="xl" color="celadon" variant="light">
          <IconCircleCheck size={28} stroke={1.6} />
        </ThemeIcon>
        <Title order={2} c="cham.6">
          {t('verify.successTitle')}
        </Title>
        <Text>{t('verify.successBody')}</Text>
        <Button component={Link} to={home}>
          {t('verify.continue')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md" align="center" py="xl" role="status">
      <Loader type="dots" />
      <Text c="dimmed">{t('verify.verifying')}</Text>
    </Stack>
  );
}
