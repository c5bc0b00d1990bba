import { Alert, Pagination, Select, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorCode, type WishLevel } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { ApiError, errorMessageOf } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useMatchmakingFairs, useRecommendations, useSetWish } from '../api/matchmaking';
import { RecommendationCard } from '../components/RecommendationCard';
import type { ViewerSide } from '../components/reasons';
import { WishesList } from '../components/WishesList';

const PAGE_SIZE = 10;

/**
 * /matchmaking?fair=&tab=&page=: for a buyer, recommended exhibitors; for an exhibitor, recommended
 * buyers; each with its reasons, wish buttons and a link to request a meeting. "My wishes" lists the
 * company's wishes at the fair.
 */
export function RecommendationsPage() {
  const { t, i18n } = useTranslation('matchmaking');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const me = useMe();
  const side: ViewerSide | null =
    me.data?.company?.kind === 'buyer' || me.data?.company?.kind === 'exhibitor'
      ? me.data.company.kind
      : null;
  const [params, setParams] = useSearchParams();
  const fairs = useMatchmakingFairs();
  const fairId = params.get('fair') ?? fairs.data?.[0]?.id ?? null;
  const tab = params.get('tab') === 'wishes' ? 'wishes' : 'recommendations';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const recommendations = useRecommendations(tab === 'recommendations' ? fairId : null, page, PAGE_SIZE);
  const setWish = useSetWish();

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const wish = (companyId: string, level: WishLevel | null) => {
    if (!fairId) return;
    setWish.mutate(
      { fairId, companyId, level },
      {
        onSuccess: () => {
          if (level === 'no_thanks') notifications.show({ color: 'gray', message: t('wish.noThanksHint') });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessageOf(error, t) }),
      },
    );
  };

  const header = (
    <PageHeader
      title={t('title')}
      subtitle={side ? t(`subtitle.${side}`) : undefined}
      actions={
        fairs.data &&
        fairs.data.length > 0 && (
          <Select
            aria-label={t('fair.label')}
            value={fairId}
            onChange={(v) => v && setParam('fair', v)}
            allowDeselect={false}
            data={fairs.data.map((f) => ({
              value: f.id,
              label: `${lng === 'vi' ? f.nameVi : f.nameEn}${f.status === 'live' ? ` · ${t('fair.live')}` : ''}`,
            }))}
            w={{ base: '100%', sm: 320 }}
            data-testid="fair-select"
          />
        )
      }
    />
  );

  let body;
  if (fairs.isPending || me.isPending) body = <ListSkeleton rows={3} height={140} />;
  else if (fairs.isError) body = <ErrorState error={fairs.error} onRetry={() => fairs.refetch()} />;
  else if (!fairId || !side)
    body = <EmptyState icon={<IconSparkles size={26} />} title={t('title')} body={t('fair.none')} />;
  else
    body = (
      <Tabs
        value={tab}
        onChange={(v) => setParam('tab', v === 'wishes' ? 'wishes' : null)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="recommendations">{t('tabs.recommendations')}</Tabs.Tab>
          <Tabs.Tab value="wishes">{t('tabs.wishes')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="recommendations">
          {recommendations.isPending ? (
            <ListSkeleton rows={3} height={140} />
          ) : recommendations.isError ? (
            recommendations.error instanceof ApiError &&
            recommendations.error.code === ErrorCode.NOT_ATTENDING ? (
              <EmptyState icon={<IconSparkles size={26} />} title={t('title')} body={t('notAttending')} />
            ) : (
              <ErrorState error={recommendations.error} onRetry={() => recommendations.refetch()} />
            )
          ) : (
            <Stack gap="md">
              {recommendations.data.excludedForCertifications > 0 && (
                <Alert color="gray" icon={<IconInfoCircle size={18} />} data-testid="excluded-certifications">
                  {t(`empty.certifications.${side}`, {
                    count: recommendations.data.excludedForCertifications,
                  })}
                </Alert>
              )}
              {recommendations.data.items.length === 0 ? (
                <EmptyState
                  icon={<IconSparkles size={26} />}
                  title={t('empty.title')}
                  body={t('empty.body')}
                />
              ) : (
                recommendations.data.items.map((item) => (
                  <RecommendationCard
                    key={item.companyId}
                    item={item}
                    side={side}
                    fairId={fairId}
                    onWish={(level) => wish(item.companyId, level)}
                  />
                ))
              )}
              {recommendations.data.total > PAGE_SIZE && (
                <Pagination
                  total={Math.ceil(recommendations.data.total / PAGE_SIZE)}
                  value={page}
                  onChange={(p) => setParam('page', String(p))}
                  size="sm"
                />
              )}
              <Text c="dimmed" fz="xs">
                {t('total', { count: recommendations.data.total })}
              </Text>
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="wishes">
          <WishesList fairId={fairId} onWish={wish} />
        </Tabs.Panel>
      </Tabs>
    );

  return (
    <>
      {header}
      {body}
    </>
  );
}
