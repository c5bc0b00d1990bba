import { useState } from 'react';
import { FormError } from '../../../components/StateViews';
import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMail, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, STAFF_ROLES, type Invitation, type Language, type StaffRole } from '@craftmatch/shared';
import { LANGUAGE_NAMES } from '../../../components/LanguageSwitcher';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../lib/format';
import { applyServerErrors } from '../../../lib/forms';
import { currentLanguage } from '../../../lib/i18n';
import { useInviteStaff } from '../api/invite-staff';

export function StaffInvitationsPage() {
  const { t, i18n } = useTranslation(['organizer', 'common', 'errors']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const invite = useInviteStaff();
  const [sent, setSent] = useState<Invitation[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      email: '',
      fullName: '',
      role: 'organizer_staff' as StaffRole,
      locale: language as Language,
    },
    validate: {
      email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('errors:field.INVALID_EMAIL')),
    },
  });

  return (
    <>
      <PageHeader title={t('staff.title')} subtitle={t('staff.subtitle')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card>
            <Title order={3} fz="lg" mb="md">
              {t('staff.formTitle')}
            </Title>
            <form
              noValidate
              onSubmit={form.onSubmit((values) => {
                setFormError(null);
                invite.mutate(
                  {
                    email: values.email.trim(),
                    fullName: values.fullName.trim() || undefined,
                    role: values.role,
                    locale: values.locale,
                  },
                  {
                    onSuccess: (invitation) => {
                      setSent((list) => [invitation, ...list]);
                      notifications.show({
                        color: 'celadon',
                        title: t('staff.sentTitle'),
                        message: t('staff.sent', { email: invitation.email }),
                      });
                      form.reset();
                    },
                    onError: (error) => setFormError(applyServerErrors(form, error, t)),
                  },
                );
              })}
            >
              <Stack gap="md">
                <FormError message={formError} />
                <TextInput
                  label={t('staff.email')}
                  type="email"
                  required
                  placeholder="ten@cucxuctienthuongmai.gov.vn"
                  {...form.getInputProps('email')}
                />
                <TextInput
                  label={t('staff.fullName')}
                  description={t('staff.optional')}
                  {...form.getInputProps('fullName')}
                />
                <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
                  <Select
                    label={t('staff.role')}
                    data={STAFF_ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
                    allowDeselect={false}
                    style={{ flex: '1 1 180px' }}
                    {...form.getInputProps('role')}
                  />
                  <Select
                    label={t('staff.language')}
                    data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
                    allowDeselect={false}
                    style={{ flex: '1 1 140px' }}
                    {...form.getInputProps('locale')}
                  />
                </Group>
                <Text fz="xs" c="dimmed">
                  {t(`staff.roleHints.${form.values.role}`)}
                </Text>
                <Group justify="flex-end">
                  <Button type="submit" leftSection={<IconSend size={16} />} loading={invite.isPending}>
                    {t('staff.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card>
            <Title order={3} fz="lg" mb="md">
              {t('staff.sentListTitle')}
            </Title>
            {sent.length === 0 ? (
              <Text c="dimmed" fz="sm">
                {t('staff.sentListEmpty')}
              </Text>
            ) : (
              <Stack gap="xs">
                {sent.map((invitation) => (
                  <Paper key={invitation.id} withBorder p="sm" radius="md">
                    <Group justify="space-between" wrap="nowrap" gap="sm">
                      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                        <IconMail size={18} style={{ flexShrink: 0 }} />
                        <Stack gap={0} style={{ minWidth: 0 }}>
                          <Text fz="sm" fw={500} truncate>
                            {invitation.email}
                          </Text>
                          <Text fz="xs" c="dimmed" className="tabular">
                            {t('staff.expiresOn', { date: formatDate(invitation.expiresAt, language) })}
                          </Text>
                        </Stack>
                      </Group>
                      <Badge variant="light" color="cham" style={{ flexShrink: 0 }}>
                        {t(`common:roles.${invitation.role}`, { defaultValue: invitation.role })}
                      </Badge>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
