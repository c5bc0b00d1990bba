import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, INQUIRY_MESSAGE_MAX, type CreateInquiryRequest } from '@craftmatch/shared';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';
import { currentPublicLanguage } from '../../../lib/i18n';
import { useCreateInquiry } from '../api/create-inquiry';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Country names in the page's language where the browser knows them. */
function useCountryOptions(lng: string) {
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([lng], { type: 'region' });
    } catch {
      names = null;
    }
    return COUNTRIES.map((c) => ({
      value: c.code,
      label: (lng === 'vi' ? c.nameVi : names?.of(c.code)) ?? c.nameEn,
    })).sort((a, b) => a.label.localeCompare(b.label, lng));
  }, [lng]);
}

/**
 * "Contact the maker": anyone may ask, signed in or not. Drawn just after the rest of the product
 * page (it is below the fold, and its heaviest part: a form and 250 countries), as a slice of work
 * of its own rather than part of the page's first.
 */
export function InquiryForm({ slug }: { slug: string }) {
  const drawn = useDeferredValue(true, false);
  return drawn ? <InquiryFormFields slug={slug} /> : <Paper withBorder mih={640} />;
}

function InquiryFormFields({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentPublicLanguage(i18n.resolvedLanguage);
  const countries = useCountryOptions(lng);
  const send = useCreateInquiry(slug);
  const [form, setForm] = useState({
    name: '',
    company: '',
    country: null as string | null,
    email: '',
    message: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(send.error, t);
  const set = (name: keyof typeof form) => (value: string | null) => {
    setForm((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: '' }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!form.name.trim()) found.name = t('inquiry.required');
    if (!EMAIL.test(form.email.trim())) found.email = t('inquiry.invalidEmail');
    if (!form.message.trim()) found.message = t('inquiry.required');
    if (form.message.length > INQUIRY_MESSAGE_MAX)
      found.message = t('inquiry.tooLong', { max: INQUIRY_MESSAGE_MAX });
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: CreateInquiryRequest = {
      name: form.name.trim(),
      email: form.email.trim(),
      message: form.message.trim(),
      locale: lng,
    };
    if (form.company.trim()) body.company = form.company.trim();
    if (form.country) body.country = form.country;
    send.mutate(body);
  };

  if (send.isSuccess) {
    return (
      <Paper withBorder p="lg" data-testid="inquiry-sent">
        <Stack align="flex-start" gap="xs">
          <IconCircleCheck size={32} color="var(--mantine-color-celadon-8)" />
          <Title order={3} fz="lg">
            {t('inquiry.sentTitle')}
          </Title>
          <Text c="dimmed">{t('inquiry.sentBody', { email: form.email.trim() })}</Text>
          <Button
            variant="subtle"
            onClick={() => {
              send.reset();
              setForm((f) => ({ ...f, message: '' }));
            }}
          >
            {t('inquiry.another')}
          </Button>
        </Stack>
      </Paper>
    );
  }

  const error = (name: string) => errors[name] || serverErrors[name] || undefined;
  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="inquiry-title"
      data-testid="inquiry-form"
    >
      <Stack gap="sm">
        <Title order={2} fz="xl" id="inquiry-title" c="cham.6">
          {t('inquiry.title')}
        </Title>
        <Text c="dimmed" fz="sm">
          {t('inquiry.intro')}
        </Text>
        {send.isError && Object.keys(serverErrors).length === 0 && (
          <Alert color="lacquer" role="alert">
            {errorMessageOf(send.error, t)}
          </Alert>
        )}
        <TextInput
          label={t('inquiry.name')}
          required
          maxLength={200}
          value={form.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={error('name')}
          autoComplete="name"
        />
        <TextInput
          label={t('inquiry.email')}
          required
          type="email"
          maxLength={254}
          value={form.email}
          onChange={(e) => set('email')(e.currentTarget.value)}
          error={error('email')}
          autoComplete="email"
        />
        <TextInput
          label={t('inquiry.company')}
          maxLength={200}
          value={form.company}
          onChange={(e) => set('company')(e.currentTarget.value)}
          error={error('company')}
          autoComplete="organization"
        />
        <Select
          label={t('inquiry.country')}
          placeholder={t('inquiry.countryPlaceholder')}
          searchable
          clearable
          // The 250 countries are drawn (and placed) when the list opens, not with the page.
          comboboxProps={{ keepMounted: false }}
          data={countries}
          value={form.country}
          onChange={set('country')}
          error={error('country')}
        />
        <Textarea
          label={t('inquiry.message')}
          required
          // A plain textarea the reader can enlarge: autosize measured the whole page while it was drawn.
          rows={5}
          resize="vertical"
          value={form.message}
          onChange={(e) => set('message')(e.currentTarget.value)}
          error={error('message')}
          description={t('inquiry.messageCount', { count: form.message.length, max: INQUIRY_MESSAGE_MAX })}
        />
        <Button type="submit" color="lacquer" leftSection={<IconSend size={16} />} loading={send.isPending}>
          {t('inquiry.send')}
        </Button>
      </Stack>
    </Paper>
  );
}
