import { useMemo, useState } from 'react';
import { Badge, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarOff, IconSearch, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ScheduleAgendaItem, ScheduleDraftPerson } from '@craftmatch/shared';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { TimeInZones, useZoneLabel } from '../../../components/TimeInZones';
import { currentLanguage } from '../../../lib/i18n';
import { formatLocalDay, localDateIn, viewerTimeZone, zonesDiffer } from '../../../lib/zoned-time';
import { SCHEDULE_PAGE_SIZE, useDraftAgenda, useDraftPeople } from '../api/drafts';
import { placeText } from './format';

type Side = ScheduleDraftPerson['side'];

const STATUS_COLORS = { planned: 'cham', published: 'celadon', conflict: 'lacquer' } as const;

function AgendaItem({ item, fairZone }: { item: ScheduleAgendaItem; fairZone: string }) {
  const { t } = useTranslation('schedulingWeb');
  const place = placeText(item);
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="agenda-item"
      data-source={item.source}
      data-start={item.start}
      data-with-company={item.with.companyName}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <TimeInZones start={item.start} end={item.end} fairZone={fairZone} fz="sm" fw={600} />
          {item.source === 'existing' ? (
            <Badge variant="outline" color="gray">
              {t('agenda.existing')}
            </Badge>
          ) : (
            item.status && (
              <Badge variant="light" color={STATUS_COLORS[item.status]}>
                {t(`agenda.status.${item.status}`)}
              </Badge>
            )
          )}
        </Group>
        <Text fz="sm">
          <Text span fw={600}>
            {item.with.fullName}
          </Text>{' '}
          · {item.with.companyName}
        </Text>
        <Group gap="md" wrap="wrap">
          <Text fz="xs" c="dimmed">
            {t(place.key, place.values)}
          </Text>
          {item.interpreter && (
            <Text fz="xs" c="dimmed">
              {t('agenda.interpreter', { name: item.interpreter.fullName })}
            </Text>
          )}
          {item.weight !== null && (
            <Text fz="xs" c="dimmed" className="tabular">
              {t('agenda.priority', { weight: item.weight })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function Agenda({ draftId, userId, fairZone }: { draftId: string; userId: string; fairZone: string }) {
  const { t, i18n } = useTranslation('schedulingWeb');
  const language = currentLanguage(i18n.language);
  const agenda = useDraftAgenda(draftId, userId);
  const days = useMemo(() => {
    const groups = new Map<string, ScheduleAgendaItem[]>();
    for (const item of [...(agenda.data?.items ?? [])].sort((a, b) => a.start.localeCompare(b.start))) {
      const day = localDateIn(item.start, fairZone);
      groups.set(day, [...(groups.get(day) ?? []), item]);
    }
    return [...groups.entries()];
  }, [agenda.data, fairZone]);

  if (agenda.isPending) return <ListSkeleton rows={3} height={72} />;
  if (agenda.isError) return <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />;
  if (days.length === 0)
    return (
      <EmptyState
        icon={<IconCalendarOff size={28} />}
        title={t('agenda.emptyTitle', { name: agenda.data.person.fullName })}
        body={t('agenda.emptyBody')}
      />
    );
  return (
    <Stack gap="md" data-testid="person-agenda" data-user-id={userId}>
      <Text fz="sm" c="dimmed">
        {t('agenda.personLine', {
          name: agenda.data.person.fullName,
          company: agenda.data.person.companyName,
          count: agenda.data.person.meetingCount,
        })}
      </Text>
      {days.map(([day, items]) => (
        <Stack key={day} gap="xs" data-testid="agenda-day">
          <Title order={3} fz="sm" tt="uppercase" c="dimmed">
            {formatLocalDay(day, language, true)}
          </Title>
          {items.map((item) => (
            <AgendaItem key={`${item.source}-${item.id}`} item={item} fairZone={fairZone} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** Pick a buyer or exhibitor person, see their day as the draft plans it, in both clocks. */
export function PersonAgenda({ draftId, fairZone }: { draftId: string; fairZone: string }) {
  const { t } = useTranslation('schedulingWeb');
  const zoneLabel = useZoneLabel();
  const [side, setSide] = useState<Side>('buyer');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [person, setPerson] = useState<ScheduleDraftPerson | null>(null);
  const optionLabel = (p: ScheduleDraftPerson) =>
    t('agenda.personOption', { name: p.fullName, company: p.companyName, count: p.meetingCount });
  // Choosing an option writes its label into the search box: that is not a new search.
  const q = debounced && (!person || debounced !== optionLabel(person)) ? debounced : undefined;
  const people = useDraftPeople(draftId, {
    side,
    q,
    page: 1,
    pageSize: SCHEDULE_PAGE_SIZE,
  });
  const items = people.data?.items ?? [];
  // keep the chosen person among the options while another search runs
  const options = person && !items.some((p) => p.userId === person.userId) ? [person, ...items] : items;
  const viewerZone = viewerTimeZone();

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('agenda.sideLabel')}
          value={side}
          onChange={(v) => {
            setSide(v as Side);
            setPerson(null);
            setSearch('');
          }}
          data={(['buyer', 'exhibitor'] as const).map((s) => ({ value: s, label: t(`agenda.sides.${s}`) }))}
          data-testid="agenda-side"
        />
        <Select
          label={t('agenda.person')}
          placeholder={t('agenda.personPlaceholder')}
          leftSection={<IconSearch size={16} />}
          searchable
          clearable
          w={{ base: '100%', xs: 380 }}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={people.isFetching ? t('agenda.searching') : t('agenda.noPeople')}
          value={person?.userId ?? null}
          onChange={(userId) => setPerson(options.find((p) => p.userId === userId) ?? null)}
          data={options.map((p) => ({ value: p.userId, label: optionLabel(p) }))}
          data-testid="agenda-person"
        />
      </Group>
      {people.isError && <ErrorState error={people.error} onRetry={() => void people.refetch()} />}
      {zonesDiffer(fairZone, viewerZone, new Date()) && (
        <Text fz="xs" c="dimmed">
          {t('agenda.zonesNote', { zone: zoneLabel(fairZone), viewer: zoneLabel(viewerZone) })}
        </Text>
      )}
      {person ? (
        <Agenda draftId={draftId} userId={person.userId} fairZone={fairZone} />
      ) : (
        <EmptyState icon={<IconUser size={28} />} title={t('agenda.pickTitle')} body={t('agenda.pickBody')} />
      )}
    </Stack>
  );
}
