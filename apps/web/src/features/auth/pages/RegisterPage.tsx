import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconBuildingStore, IconWorld } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isStrongPassword, type CompanyKind } from '@craftmatch/shared';
import { COUNTRY_CODES, countryName } from '../../../lib/format';
import { applyServerErrors } from '../../../lib/forms';
import { currentLanguage } from '../../../lib/i18n';
import { startSession } from '../../../lib/session';
import { useRegister } from '../api/register';
import { PasswordField } from '../components/PasswordField';
import { isEmail } from '../components/validation';

const kinds: { value: CompanyKind; icon: typeof IconWorld }[] = [
  { value: 'exhibitor', icon: IconBuildingStore },
  { value: 'buyer', icon: IconWorld },
];

export function RegisterPage() {
  const { t, i18n } = useTranslation(['auth', 'errors', 'companies']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const register = useRegister();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    initialValues: {
      companyKind: 'exhibitor' as CompanyKind,
      companyName: '',
      fullName: '',
      email: '',
      password: '',
      countryCode: null as string | null,
      acceptPrivacy: false,
    },
    validate: {
      companyName: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
      fullName: (v) => (v.trim() ? null : t('errors:field.REQUIRED')),
      email: (v) => (isEmail(v) ? null : t('errors:field.INVALID_EMAIL')),
      password: (v, values) =>
        isStrongPassword(v, [values.email.split('@')[0], values.fullName])
          ? null
          : t('errors:field.WEAK_PASSWORD'),
      acceptPrivacy: (v) => (v ? null : t('errors:CONSENT_REQUIRED')),
    },
  });

  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, language) ?? code })).sort(
        (a, b) => a.label.localeCompare(b.label, language),
      ),
    [language],
  );

  const submit = form.onSubmit((values) => {
    setFormError(null);
    register.mutate(
      {
        companyKind: values.companyKind,
        companyName: values.companyName.trim(),
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: language,
        acceptPrivacy: values.acceptPrivacy,
        ...(values.companyKind === 'buyer' && values.countryCode ? { countryCode: values.countryCode } : {}),
      },
      {
        onSuccess: (session) => startSession(session, '/company'),
        onError: (error) => setFormError(applyServerErrors(form, error, t)),
      },
    );
  });

  const isBuyer = form.values.companyKind === 'buyer';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} c="cham.6">
          {t('register.title')}
        </Title>
        <Text c="dimmed">{t('register.subtitle')}</Text>
      </Stack>
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
          <Radio.Group label={t('register.kindLabel')} {...form.getInputProps('companyKind')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt={6}>
              {kinds.map(({ value, icon: Icon }) => (
                <Radio.Card key={value} value={value} radius="md" p="md" data-testid={`kind-${value}`}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={2} />
                    <ThemeIcon
                      variant="light"
                      color={value === 'exhibitor' ? 'lacquer' : 'cham'}
                      radius="md"
                      size={34}
                    >
                      <Icon size={20} stroke={1.6} />
                    </ThemeIcon>
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text fw={600} fz="sm">
                        {t(`companies:kinds.${value}`)}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {t(`register.kindHints.${value}`)}
                      </Text>
                    </Stack>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          <TextInput
            label={t('fields.companyName')}
            placeholder={t(isBuyer ? 'fields.companyNamePlaceholderBuyer' : 'fields.companyNamePlaceholder')}
            required
            autoComplete="organization"
            {...form.getInputProps('companyName')}
          />
          {isBuyer && (
            <Select
              label={t('fields.country')}
              description={t('fields.optional')}
              placeholder={t('fields.countryPlaceholder')}
              data={countries}
              searchable
              clearable
              nothingFoundMessage={t('fields.countryNone')}
              {...form.getInputProps('countryCode')}
            />
          )}
          <TextInput
            label={t('fields.fullName')}
            placeholder={t('fields.fullNamePlaceholder')}
            required
            autoComplete="name"
            {...form.getInputProps('fullName')}
          />
          <TextInput
            label={t('fields.email')}
            placeholder={t('fields.emailPlaceholder')}
            type="email"
            required
            autoComplete="email"
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('fields.password')}
            required
            autoComplete="new-password"
            context={[form.values.email.split('@')[0], form.values.fullName]}
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
          <Text fz="xs" c="dimmed">
            {t('register.review')}
          </Text>
          <Button type="submit" size="md" loading={register.isPending} fullWidth>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
      <Text ta="center" fz="sm" c="dimmed">
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/login" fw={600}>
          {t('register.signIn')}
        </Anchor>
      </Text>
    </Stack>
  );
}
