import { useState } from 'react';
import { FormError } from '../../../components/StateViews';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Divider,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailOpened } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isStrongPassword } from '@craftmatch/shared';
import { errorMessageOf } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { applyServerErrors } from '../../../lib/forms';
import { currentLanguage } from '../../../lib/i18n';
import { startSession, useSessionStatus } from '../../../lib/session';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/get-invitation-preview';
import { PasswordField } from '../components/PasswordField';

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation(['auth', 'common', 'errors']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const status = useSessionStatus();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { fullName: '', password: '', acceptPrivacy: false },
    validate: {
      acceptPrivacy: (v) => (v ? null : t('errors:CONSENT_REQUIRED')),
      fullName: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
      password: (v) =>
        isStrongPassword(v, [preview.data?.email.split('@')[0] ?? ''])
          ? null
          : t('errors:field.WEAK_PASSWORD'),
    },
  });

  if (preview.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={32} width="70%" />
        <Skeleton height={80} />
        <Skeleton height={40} />
        <Skeleton height={40} />
      </Stack>
    );
  }

  if (preview.isError) {
    return (
      <Stack gap="md" align="flex-start">
        <Title order={2} c="cham.6">
          {t('invite.invalidTitle')}
        </Title>
        <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} w="100%" role="alert">
          {errorMessageOf(preview.error, t)}
        </Alert>
        <Text c="dimmed" fz="sm">
          {t('invite.invalidBody')}
        </Text>
        <Group>
          <Button variant="light" onClick={() => void preview.refetch()}>
            {t('common:actions.retry')}
          </Button>
          <Button component={Link} to="/login" variant="subtle">
            {t('invite.signIn')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const invitation = preview.data;
  const role = t(`common:roles.${invitation.role}`, { defaultValue: invitation.role });
  const intro = invitation.companyName
    ? t('invite.introCompany', { inviter: invitation.inviterName, company: invitation.companyName, role })
    : t('invite.introStaff', { inviter: invitation.inviterName, role });

  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="xl" color="rattan" variant="light">
          <IconMailOpened size={24} stroke={1.6} />
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={2} c="cham.6">
            {t('invite.title')}
          </Title>
          <Text data-testid="invitation-intro">{intro}</Text>
        </Stack>
      </Group>
      <Paper withBorder p="md" bg="var(--cm-paper)">
        <Stack gap={6}>
          <Text fz="sm">{t('invite.forEmail', { email: invitation.email })}</Text>
          <Text fz="sm" c="dimmed">
            {t('invite.expires', { date: formatDate(invitation.expiresAt, language) })}
          </Text>
        </Stack>
      </Paper>
      {status === 'authenticated' && (
        <Alert color="rattan" variant="light" icon={<IconAlertCircle size={18} />}>
          {t('invite.signedIn')}
        </Alert>
      )}
      <FormError message={formError} />
      <Divider />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          accept.mutate(
            {
              token,
              fullName: values.fullName.trim(),
              password: values.password,
              locale: language,
              acceptPrivacy: values.acceptPrivacy,
            },
            {
              onSuccess: (session) => startSession(session, invitation.companyName ? '/company' : '/'),
              onError: (error) => setFormError(applyServerErrors(form, error, t)),
            },
          );
        })}
      >
        <Stack gap="md">
          <TextInput label={t('fields.email')} value={invitation.email} readOnly disabled />
          <TextInput
            label={t('fields.fullName')}
            placeholder={t('fields.fullNamePlaceholder')}
            autoComplete="name"
            required
            {...form.getInputProps('fullName')}
          />
          <PasswordField
            label={t('fields.password')}
            autoComplete="new-password"
            required
            context={[invitation.email.split('@')[0]]}
            {...form.getInputProps('password')}
            value={form.values.password}
          />
          <Checkbox
            data-testid="accept-privacy"
            label={
              <Trans
                t={t}
                i18nKey="register.consent"
                components={{
                  notice: <Anchor component={Link} to="/privacy" target="_blank" inherit />,
                }}
              />
            }
            {...form.getInputProps('acceptPrivacy', { type: 'checkbox' })}
          />
          <Button type="submit" size="md" loading={accept.isPending} fullWidth>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
