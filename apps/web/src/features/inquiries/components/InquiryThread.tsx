import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconCheck, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INQUIRY_MESSAGE_MAX, productPagePath, type InquiryDetail } from '@craftmatch/shared';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { useInquiry } from '../api/get-inquiry';
import { useReplyInquiry } from '../api/reply-inquiry';

function when(iso: string, lng: string) {
  return new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

function ReplyForm({ inquiry }: { inquiry: InquiryDetail }) {
  const { t } = useTranslation('catalogue');
  const reply = useReplyInquiry(inquiry.id);
  const [message, setMessage] = useState('');
  const [invite, setInvite] = useState(false);
  const [missing, setMissing] = useState(false);
  const fieldErrors = fieldErrorsOf(reply.error, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) {
      setMissing(true);
      return;
    }
    reply.mutate(
      { message: message.trim(), inviteToRegister: invite },
      {
        onSuccess: () => {
          setMessage('');
          setInvite(false);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {reply.isSuccess && (
          <Alert color="celadon" icon={<IconCheck size={18} />} role="status">
            {t('inbox.sent')}
          </Alert>
        )}
        {reply.isError && !fieldErrors.message && (
          <Alert color="lacquer" role="alert">
            {errorMessageOf(reply.error, t)}
          </Alert>
        )}
        <Textarea
          label={t('inbox.replyLabel')}
          placeholder={t('inbox.replyPlaceholder')}
          autosize
          minRows={4}
          maxLength={INQUIRY_MESSAGE_MAX}
          value={message}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('inquiry.required') : fieldErrors.message}
          data-testid="inquiry-reply"
        />
        <Checkbox
          label={t('inbox.invite')}
          description={t('inbox.inviteHint')}
          checked={invite}
          onChange={(e) => setInvite(e.currentTarget.checked)}
          data-testid="inquiry-invite"
        />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconSend size={16} />} loading={reply.isPending}>
            {t('inbox.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One inquiry with its answers, and the answer form. */
export function InquiryThread({ id }: { id: string }) {
  const { t, i18n } = useTranslation('catalogue');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const inquiry = useInquiry(id);
  if (inquiry.isPending) return <ListSkeleton rows={3} height={80} />;
  if (inquiry.isError) return <ErrorState error={inquiry.error} onRetry={() => void inquiry.refetch()} />;
  const q = inquiry.data;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} data-testid="inquiry-thread">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={2} fz="lg">
              {q.name}
            </Title>
            <Text fz="sm" c="dimmed">
              {[q.companyName, q.countryCode].filter(Boolean).join(' · ')}
            </Text>
            <Anchor href={`mailto:${q.email}`} fz="sm">
              {q.email}
            </Anchor>
          </Stack>
          <Badge color={q.status === 'new' ? 'rattan' : 'celadon'} variant="light">
            {t(`inbox.status.${q.status}`)}
          </Badge>
        </Group>
        {q.product && (
          <Anchor component={Link} to={productPagePath(q.product.slug)} fz="sm">
            {t('inbox.about', { name: lng === 'vi' ? q.product.nameVi : q.product.nameEn })}
          </Anchor>
        )}
        <Text fz="xs" c="dimmed">
          {when(q.createdAt, lng)} · {t('inbox.language', { language: q.locale.toUpperCase() })}
        </Text>
        <Text style={{ whiteSpace: 'pre-line' }}>{q.message}</Text>
        {q.replies.map((r) => (
          <Paper key={r.id} p="sm" bg="var(--cm-paper)" radius="md">
            <Group justify="space-between" gap="xs" mb={4}>
              <Text fz="xs" fw={600}>
                {t('inbox.you')}
                {r.authorName ? ` · ${r.authorName}` : ''}
              </Text>
              <Text fz="xs" c="dimmed">
                {when(r.createdAt, lng)}
              </Text>
            </Group>
            <Text fz="sm" style={{ whiteSpace: 'pre-line' }}>
              {r.message}
            </Text>
            {r.invitedToRegister && (
              <Badge mt={6} size="xs" variant="light" color="cham">
                {t('inbox.invited')}
              </Badge>
            )}
          </Paper>
        ))}
        <Divider />
        <ReplyForm inquiry={q} />
      </Stack>
    </Paper>
  );
}
