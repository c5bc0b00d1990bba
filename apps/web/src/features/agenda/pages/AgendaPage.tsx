import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarOff, IconCalendarPlus, IconLock, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { AgendaDay, FairSlot } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { TimeInZones, useZoneLabel } from '../../../components/TimeInZones';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatLocalDay, localDateIn, viewerTimeZone, zonesDiffer } from '../../../lib/zoned-time';
import { useAgendaFairs } from '../api/agenda-fairs';
import { useAgenda } from '../api/get-agenda';
import { AgendaMeetingCard } from '../components/AgendaMeetingCard';
import { AvailabilityModal } from '../components/AvailabilityModal';
import { FeedPanel } from '../components/FeedPanel';
import './agenda.css';

/** /agenda: the live fair's agenda (or the next fair's). */
export function AgendaIndexPage() {
  const { t } = useTranslation('meetings');
  const me = useMe();
  const fairs = useAgendaFairs(me.data?.role === 'interpreter');
  if (me.isPending) return <ListSkeleton rows={4} height={96} />;
  if (fairs.isPending) return <ListSkeleton rows={4} height={96} />;
  if (fairs.isError) return <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />;
  const first = fairs.data[0];
  if (!first) {
    return (
      <>
        <PageHeader title={t('agenda.title')} />
        <EmptyState
          icon={<IconCalendarOff size={28} />}
          title={t('fair.noneTitle')}
          body={t('fair.noneBody')}
          action={
            <Button component={Link} to="/fairs" variant="light">
              {t('fair.browse')}
            </Button>
          }
        />
      </>
    );
  }
  return <Navigate to={`/agenda/${first.id}`} replace />;
}

/** /agenda/:fairId: one person's meetings at a fair, in day columns; prints on A4, one day per page. */
export function AgendaPage() {
  const { fairId = '' } = useParams();
  const { t, i18n } = useTranslation(['meetings', 'calendar']);
  const lng = currentLanguage(i18n.resolvedLanguage);
  const navigate = useNavigate();
  const me = useMe();
  const fairs = useAgendaFairs(me.data?.role === 'interpreter');
  const agenda = useAgenda(fairId);
  const zoneLabel = useZoneLabel();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const [showBlocked, setShowBlocked] = useState(false);
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState<string | null>(null);
  const canBlock = me.data?.role === 'buyer' || me.data?.role === 'exhibitor';

  const fairName = agenda.data ? (lng === 'vi' ? agenda.data.fairNameVi : agenda.data.fairNameEn) : '';
  const header = (
    <PageHeader
      title={t('agenda.title')}
      subtitle={
        agenda.data ? t('agenda.subtitle', { fair: fairName, name: agenda.data.person.fullName }) : undefined
      }
      actions={
        <Group gap="xs" className="agenda-no-print">
          <Button
            variant="light"
            color="cham"
            leftSection={<IconPrinter size={16} />}
            onClick={() => window.print()}
            disabled={!agenda.data}
          >
            {t('calendar:agenda.print')}
          </Button>
          {canBlock && (
            <Button component={Link} to={`/meetings?fair=${fairId}`} variant="subtle" color="cham">
              {t('agenda.openInbox')}
            </Button>
          )}
        </Group>
      }
    />
  );

  if (agenda.isPending)
    return (
      <>
        {header}
        <ListSkeleton rows={4} height={96} />
      </>
    );
  if (agenda.isError)
    return (
      <>
        {header}
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      </>
    );

  const a = agenda.data;
  const zone = a.timeZone;
  const viewerZone = viewerTimeZone();
  const firstInstant = a.days[0] ? `${a.days[0].date}T12:00:00Z` : new Date().toISOString();
  const twoZones = zonesDiffer(zone, viewerZone, firstInstant);
  const blockedByDay = new Map<string, FairSlot[]>();
  for (const slot of a.blocked) {
    const d = localDateIn(slot.start, zone);
    blockedByDay.set(d, [...(blockedByDay.get(d) ?? []), slot]);
  }
  const total = a.days.reduce((n, d) => n + d.meetings.length, 0);
  const today = localDateIn(new Date(), zone);
  const activeDay =
    day ??
    a.days.find((d) => d.date === today)?.date ??
    a.days.find((d) => d.meetings.length)?.date ??
    a.days[0]?.date;

  return (
    <div className="agenda-page" data-testid="agenda-page">
      {header}
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap" className="agenda-no-print">
          {fairs.data && fairs.data.length > 1 && (
            <Select
              label={t('fair.label')}
              value={fairId}
              allowDeselect={false}
              onChange={(v) => v && void navigate(`/agenda/${v}`)}
              data={fairs.data.map((f) => ({ value: f.id, label: lng === 'vi' ? f.nameVi : f.nameEn }))}
              w={{ base: '100%', sm: 420 }}
              data-testid="agenda-fair-select"
            />
          )}
          {canBlock && (
            <>
              <Switch
                label={t('agenda.showBlocked')}
                checked={showBlocked}
                onChange={(e) => setShowBlocked(e.currentTarget.checked)}
                color="cham"
                data-testid="toggle-blocked"
              />
              <Button
                variant="default"
                size="sm"
                leftSection={<IconLock size={16} />}
                onClick={() => setEditing(true)}
              >
                {t('availability.edit')}
              </Button>
            </>
          )}
        </Group>
        <Text fz="sm" c="dimmed" data-testid="agenda-zones">
          {twoZones
            ? t('agenda.zonesTwo', {
                fair: t('calendar:agenda.fairTime', { zone: zoneLabel(zone) }),
                viewer: t('calendar:agenda.yourTime', { zone: zoneLabel(viewerZone) }),
              })
            : t('calendar:agenda.fairTime', { zone: zoneLabel(zone) })}
        </Text>

        {total === 0 && !showBlocked && (
          <EmptyState
            icon={<IconCalendarPlus size={28} />}
            title={t('agenda.emptyTitle')}
            body={t(canBlock ? 'agenda.emptyBody' : 'agenda.emptyBodyInterpreter')}
            action={
              canBlock ? (
                <Button component={Link} to={`/meetings/new?fair=${fairId}`} variant="light" color="cham">
                  {t('inbox.newRequest')}
                </Button>
              ) : undefined
            }
          />
        )}

        {narrow && a.days.length > 1 && (
          <Group gap={6} className="agenda-no-print" role="tablist" data-testid="agenda-day-tabs">
            {a.days.map((d) => (
              <Button
                key={d.date}
                size="compact-sm"
                role="tab"
                aria-selected={d.date === activeDay}
                variant={d.date === activeDay ? 'filled' : 'default'}
                color="cham"
                onClick={() => setDay(d.date)}
              >
                {formatLocalDay(d.date, lng)}
                {d.meetings.length > 0 ? ` (${d.meetings.length})` : ''}
              </Button>
            ))}
          </Group>
        )}

        {(total > 0 || showBlocked) && (
          <div className="agenda-days" data-testid="agenda-days">
            {a.days.map((d) => (
              <DayColumn
                key={d.date}
                day={d}
                zone={zone}
                hidden={narrow && d.date !== activeDay}
                blocked={showBlocked ? (blockedByDay.get(d.date) ?? []) : []}
              />
            ))}
          </div>
        )}
        <div className="agenda-print-footer">
          {t('agenda.printedFor', { name: a.person.fullName, fair: fairName })}
        </div>
        <FeedPanel />
      </Stack>
      {canBlock && editing && (
        <AvailabilityModal fairId={fairId} fairZone={zone} opened onClose={() => setEditing(false)} />
      )}
    </div>
  );
}

function DayColumn({
  day,
  zone,
  hidden,
  blocked,
}: {
  day: AgendaDay;
  zone: string;
  hidden: boolean;
  blocked: FairSlot[];
}) {
  const { t, i18n } = useTranslation(['meetings', 'calendar']);
  const lng = currentLanguage(i18n.resolvedLanguage);
  // meetings and blocked slots in one time line
  const items = [
    ...day.meetings.map((m) => ({ at: m.start, meeting: m, blocked: null })),
    ...blocked.map((b) => ({ at: b.start, meeting: null, blocked: b })),
  ].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <section
      className={hidden ? 'agenda-day agenda-day--hidden' : 'agenda-day'}
      aria-label={formatLocalDay(day.date, lng, true)}
      data-testid="agenda-day"
      data-date={day.date}
    >
      <Stack gap={2} mb="sm" className="agenda-day__head">
        <Title order={2} fz="md" tt="capitalize">
          {formatLocalDay(day.date, lng, true)}
        </Title>
        {day.opensAt && day.closesAt && (
          <Text fz="xs" c="dimmed" className="tabular">
            {t('agenda.hours', { opens: day.opensAt, closes: day.closesAt })}
          </Text>
        )}
      </Stack>
      <Stack gap="xs">
        {items.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('calendar:agenda.noMeetings')}
          </Text>
        )}
        {items.map((item) =>
          item.meeting ? (
            <AgendaMeetingCard key={item.meeting.id} meeting={item.meeting} fairZone={zone} />
          ) : (
            <Paper key={`b-${item.at}`} p="xs" className="agenda-blocked" data-testid="agenda-blocked">
              <Group gap={6} wrap="nowrap">
                <IconLock size={14} aria-hidden />
                <Text fz="sm">
                  {t('agenda.blocked')}{' '}
                  <TimeInZones start={item.blocked!.start} end={item.blocked!.end} fairZone={zone} fz="sm" />
                </Text>
              </Group>
            </Paper>
          ),
        )}
      </Stack>
    </section>
  );
}
