import { useState } from 'react';
import {
  Accordion,
  Badge,
  Button,
  Center,
  Group,
  Pagination,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconStar, IconStarOff, IconUserStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CompanyMember, CompanySummary, Fair } from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { ApiError, errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { countryLabel } from '../../../lib/reference';
import { useBuyerCompanies, useCompanyMembers, useSetHostedBuyer } from '../api/hosted-buyers';
import { FairAdminFrame } from '../components/FairAdminFrame';

/** What we know of a person at this fair once the organizer has set their flag. */
type HostedState = { kind: 'hosted' | 'notHosted' | 'notRegistered' } | { kind: 'error'; message: string };

function MemberRow({ fair, member }: { fair: Fair; member: CompanyMember }) {
  const { t } = useTranslation('meetingAdmin');
  const setHosted = useSetHostedBuyer(fair.id);
  const [state, setState] = useState<HostedState | null>(null);
  const apply = (hostedBuyer: boolean) =>
    setHosted.mutate(
      { userId: member.userId, hostedBuyer },
      {
        onSuccess: (p) => setState({ kind: p.hostedBuyer ? 'hosted' : 'notHosted' }),
        onError: (error) =>
          setState(
            error instanceof ApiError && error.status === 404
              ? { kind: 'notRegistered' }
              : { kind: 'error', message: errorMessageOf(error, t) },
          ),
      },
    );
  const pending = setHosted.isPending ? setHosted.variables?.hostedBuyer : undefined;
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" py={6} data-testid={`member-${member.userId}`}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fz="sm" fw={500}>
          {member.fullName}
        </Text>
        <Text fz="xs" c="dimmed">
          {member.email}
        </Text>
      </Stack>
      <Group gap="xs" wrap="wrap">
        {state?.kind === 'hosted' && (
          <Badge color="rattan" leftSection={<IconStar size={12} />}>
            {t('buyers.hosted')}
          </Badge>
        )}
        {state?.kind === 'notHosted' && (
          <Badge color="gray" variant="light">
            {t('buyers.notHosted')}
          </Badge>
        )}
        {state?.kind === 'notRegistered' && (
          <Text fz="xs" c="lacquer.7" role="alert">
            {t('buyers.notRegistered')}
          </Text>
        )}
        {state?.kind === 'error' && (
          <Text fz="xs" c="lacquer.7" role="alert">
            {state.message}
          </Text>
        )}
        <Button
          size="xs"
          variant={state?.kind === 'hosted' ? 'filled' : 'light'}
          color="rattan"
          leftSection={<IconStar size={14} />}
          loading={pending === true}
          disabled={setHosted.isPending}
          onClick={() => apply(true)}
        >
          {t('buyers.markHosted')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          leftSection={<IconStarOff size={14} />}
          loading={pending === false}
          disabled={setHosted.isPending}
          onClick={() => apply(false)}
        >
          {t('buyers.unmarkHosted')}
        </Button>
      </Group>
    </Group>
  );
}

function CompanyMembers({ fair, company, open }: { fair: Fair; company: CompanySummary; open: boolean }) {
  const { t } = useTranslation('meetingAdmin');
  const members = useCompanyMembers(company.id, open);
  if (members.isPending) return <ListSkeleton rows={2} height={40} />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t('buyers.noMembers')}
      </Text>
    );
  return (
    <Stack gap={0}>
      {members.data.map((m) => (
        <MemberRow key={m.userId} fair={fair} member={m} />
      ))}
    </Stack>
  );
}

function HostedBuyers({ fair }: { fair: Fair }) {
  const { t, i18n } = useTranslation('meetingAdmin');
  const language = currentLanguage(i18n.language);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const companies = useBuyerCompanies(debounced, page);
  const totalPages = companies.data
    ? Math.max(1, Math.ceil(companies.data.total / companies.data.pageSize))
    : 1;

  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" maw={760}>
        {t('buyers.intro')}
      </Text>
      <TextInput
        aria-label={t('buyers.search')}
        placeholder={t('buyers.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      {companies.isPending ? (
        <ListSkeleton />
      ) : companies.isError ? (
        <ErrorState error={companies.error} onRetry={() => void companies.refetch()} />
      ) : companies.data.items.length === 0 ? (
        <EmptyState
          icon={<IconUserStar size={28} />}
          title={debounced ? t('buyers.noMatchTitle') : t('buyers.emptyTitle')}
          body={debounced ? t('buyers.noMatchBody') : t('buyers.emptyBody')}
        />
      ) : (
        <Paper withBorder>
          <Accordion value={open} onChange={setOpen} chevronPosition="left">
            {companies.data.items.map((c) => (
              <Accordion.Item key={c.id} value={c.id} data-testid={`buyer-company-${c.id}`}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Text fw={600} truncate>
                      {c.name}
                    </Text>
                    <Text fz="sm" c="dimmed" style={{ flexShrink: 0 }}>
                      {[countryLabel(c.countryCode, language), t('buyers.people', { count: c.memberCount })]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <CompanyMembers fair={fair} company={c} open={open === c.id} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Paper>
      )}
      {totalPages > 1 && (
        <Center>
          <Pagination total={totalPages} value={page} onChange={setPage} />
        </Center>
      )}
    </Stack>
  );
}

/** /organizer/fairs/:id/buyers: find a buyer's people and set who is a hosted buyer at this fair. */
export function HostedBuyersPage() {
  const { id = '' } = useParams();
  return (
    <FairAdminFrame fairId={id} tab="buyers">
      {(fair) => <HostedBuyers fair={fair} />}
    </FairAdminFrame>
  );
}
