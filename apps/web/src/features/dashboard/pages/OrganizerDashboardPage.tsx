import { Grid, Group, Loader, Paper, Progress, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  IconBuildingStore,
  IconCalendarStats,
  IconFileCertificate,
  IconPackage,
  IconTarget,
  IconWorld,
} from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DashboardQuery, DashboardResponse, Language } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, PageLoader } from '../../../components/StateViews';
import { intlLocale } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { categoryName, countryLabel, provinceName, villageName } from '../../../lib/reference';
import { useDashboard, useDashboardFairs } from '../api/dashboard';
import { FactList, FigureCard } from '../components/Figure';
import { FairsTable } from '../components/FairsTable';
import { ProgrammeTargets } from '../components/ProgrammeTargets';
import { TopList } from '../components/TopList';
import { countRatio, formatCount, formatRatio, formatUsd } from '../components/format';

/** recharts (about 100 kB gzip) loads with the chart, not with the app's first route. */
const ValueByDayChart = lazy(() =>
  import('../components/ValueByDayChart').then((m) => ({ default: m.ValueByDayChart })),
);

/** The brief's five past fairs, one a year. */
export const BRIEF_YEARS = { from: 2016, to: 2020 } as const;
const SCOPE_ALL = 'all';
const SCOPE_BRIEF = 'brief';

export function scopeQuery(scope: string): DashboardQuery {
  if (scope === SCOPE_ALL) return {};
  if (scope === SCOPE_BRIEF) return { ...BRIEF_YEARS };
  return { fairId: scope };
}

function Figures({ data, language }: { data: DashboardResponse; language: Language }) {
  const { t } = useTranslation('dashboard');
  const n = (v: number) => formatCount(v, language);
  const usd = (v: string) => formatUsd(v, language);
  const { exhibitors, buyers, meetings, samples, contracts } = data;
  const progressPercent = contracts.progress === null ? 0 : Math.min(100, Number(contracts.progress) * 100);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <FigureCard
          label={t('cards.confirmedValue')}
          value={usd(contracts.confirmedUsd)}
          hint={t('cards.declaredHint', { value: usd(contracts.declaredUsd), count: contracts.count })}
          icon={<IconFileCertificate size={22} />}
          color="cham"
          testId="card-confirmed"
        />
        <FigureCard
          label={t('cards.progress')}
          value={contracts.progress === null ? '—' : formatRatio(contracts.progress, language)}
          hint={
            contracts.targetUsd === null
              ? t('cards.noTarget')
              : t('cards.ofTarget', { target: usd(contracts.targetUsd) })
          }
          icon={<IconTarget size={22} />}
          color="lacquer"
          testId="card-progress"
        >
          {contracts.targetUsd !== null && (
            <Progress mt="sm" value={progressPercent} color="lacquer" aria-label={t('cards.progress')} />
          )}
        </FigureCard>
        <FigureCard
          label={t('cards.exhibitors')}
          value={n(exhibitors.participations)}
          hint={t('cards.exhibitorsHint', { firms: n(exhibitors.firms), provinces: n(exhibitors.provinces) })}
          icon={<IconBuildingStore size={22} />}
          color="celadon"
          testId="card-exhibitors"
        />
        <FigureCard
          label={t('cards.buyers')}
          value={n(buyers.participations)}
          hint={t('cards.buyersHint', { firms: n(buyers.firms), countries: n(buyers.countries) })}
          icon={<IconWorld size={22} />}
          color="rattan"
          testId="card-buyers"
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <FactList
          title={t('exhibitors.title')}
          icon={<IconBuildingStore size={16} />}
          color="celadon"
          testId="facts-exhibitors"
          rows={[
            { label: t('exhibitors.participations'), value: n(exhibitors.participations) },
            { label: t('exhibitors.firms'), value: n(exhibitors.firms), testId: 'exhibitor-firms' },
            { label: t('exhibitors.provinces'), value: n(exhibitors.provinces) },
            { label: t('exhibitors.legacyProvinces'), value: n(exhibitors.legacyProvinces) },
            { label: t('exhibitors.villages'), value: n(exhibitors.villages) },
            { label: t('exhibitors.categories'), value: n(exhibitors.categories) },
          ]}
        />
        <FactList
          title={t('buyers.title')}
          icon={<IconWorld size={16} />}
          color="rattan"
          testId="facts-buyers"
          rows={[
            { label: t('buyers.participations'), value: n(buyers.participations) },
            { label: t('buyers.firms'), value: n(buyers.firms) },
            { label: t('buyers.countries'), value: n(buyers.countries) },
          ]}
        />
        <FactList
          title={t('meetings.title')}
          icon={<IconCalendarStats size={16} />}
          color="cham"
          testId="facts-meetings"
          rows={[
            { label: t('meetings.requested'), value: n(meetings.requested), testId: 'meetings-requested' },
            { label: t('meetings.accepted'), value: n(meetings.accepted) },
            { label: t('meetings.held'), value: n(meetings.held), testId: 'meetings-held' },
            { label: t('meetings.noShowRate'), value: formatRatio(meetings.noShowRate, language) },
            {
              label: t('meetings.answeredWithin24h'),
              value: t('meetings.answeredValue', {
                within: n(meetings.answeredWithin24h),
                answered: n(meetings.answered),
                rate: formatRatio(countRatio(meetings.answeredWithin24h, meetings.answered), language),
              }),
            },
          ]}
        />
        <FactList
          title={t('samples.title')}
          icon={<IconPackage size={16} />}
          color="lacquer"
          testId="facts-samples"
          rows={[
            { label: t('samples.total'), value: n(samples.total) },
            { label: t('samples.requested'), value: n(samples.requested) },
            { label: t('samples.sent'), value: n(samples.sent) },
            { label: t('samples.received'), value: n(samples.received) },
            { label: t('samples.approved'), value: n(samples.approved) },
            { label: t('samples.rejected'), value: n(samples.rejected) },
          ]}
        />
      </SimpleGrid>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <FactList
            title={t('contracts.title')}
            icon={<IconFileCertificate size={16} />}
            color="cham"
            testId="facts-contracts"
            rows={[
              { label: t('contracts.count'), value: n(contracts.count), testId: 'contracts-count' },
              { label: t('contracts.confirmedCount'), value: n(contracts.confirmedCount) },
              {
                label: t('contracts.declaredUsd'),
                value: usd(contracts.declaredUsd),
                testId: 'contracts-declared',
              },
              { label: t('contracts.confirmedUsd'), value: usd(contracts.confirmedUsd) },
              { label: t('contracts.disputedUsd'), value: usd(contracts.disputedUsd) },
              {
                label: t('contracts.averagePerExhibitor'),
                value: formatUsd(contracts.averagePerExhibitorUsd, language, { cents: true }),
                testId: 'contracts-average',
              },
            ]}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Suspense fallback={<Loader size="sm" />}>
            <ValueByDayChart days={data.byDay} />
          </Suspense>
        </Grid.Col>
      </Grid>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TopList
          title={t('top.countries')}
          rows={data.top.countries}
          name={(code) => countryLabel(code, language)}
          testId="top-countries"
        />
        <TopList
          title={t('top.categories')}
          rows={data.top.categories}
          name={(code) => categoryName(code, language)}
          testId="top-categories"
        />
        <TopList
          title={t('top.provinces')}
          rows={data.top.provinces}
          name={(code) => provinceName(code, language)}
          testId="top-provinces"
        />
        <TopList
          title={t('top.villages')}
          rows={data.top.villages}
          name={(code) => villageName(code, language)}
          testId="top-villages"
        />
      </SimpleGrid>

      {data.fairs.length > 0 && <FairsTable fairs={data.fairs} />}
    </Stack>
  );
}

/** /organizer/dashboard: the results of a fair, of the brief's 2016–2020 fairs or of every fair, live. */
export function OrganizerDashboardPage() {
  const { t, i18n } = useTranslation('dashboard');
  const language = currentLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') || SCOPE_ALL;
  const fairs = useDashboardFairs();
  const dashboard = useDashboard(scopeQuery(scope));

  const options = [
    {
      group: t('scope.groupRanges'),
      items: [
        { value: SCOPE_ALL, label: t('scope.all') },
        { value: SCOPE_BRIEF, label: t('scope.brief', BRIEF_YEARS) },
      ],
    },
    {
      group: t('scope.groupFairs'),
      items: (fairs.data?.items ?? []).map((f) => ({
        value: f.id,
        label: language === 'vi' ? f.nameVi : f.nameEn,
      })),
    },
  ].filter((g) => g.items.length > 0);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Group gap="xs" align="flex-end">
            {dashboard.isFetching && !dashboard.isPending ? (
              <Loader size="xs" aria-label={t('refreshing')} />
            ) : (
              dashboard.dataUpdatedAt > 0 && (
                <Text fz="xs" c="dimmed" className="tabular" data-testid="updated-at">
                  {t('updatedAt', {
                    time: new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'medium' }).format(
                      dashboard.dataUpdatedAt,
                    ),
                  })}
                </Text>
              )
            )}
            <Select
              label={t('scope.label')}
              data={options}
              value={scope}
              allowDeselect={false}
              onChange={(value) => setParams(value && value !== SCOPE_ALL ? { scope: value } : {})}
              w={300}
              data-testid="scope-picker"
            />
          </Group>
        }
      />
      {dashboard.isPending ? (
        <PageLoader />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <Stack gap="lg">
          <Figures data={dashboard.data} language={language} />
          <ProgrammeTargets data={dashboard.data} />
          <Paper p="xs" bg="transparent">
            <Text fz="xs" c="dimmed">
              {t('footnote')}
            </Text>
          </Paper>
        </Stack>
      )}
    </>
  );
}
