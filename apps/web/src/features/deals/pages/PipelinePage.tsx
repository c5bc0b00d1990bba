import { Badge, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChartFunnel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PIPELINE_STAGES } from '@craftmatch/shared';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { countryName } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { usePipeline } from '../api/pipeline';
import { DealFairSelect } from '../components/DealFairSelect';
import { DealsNav } from '../components/DealsNav';
import { formatUsd } from '../components/money';
import { useDealContext } from '../components/use-deal-context';

const STAGE_COLORS = { met: 'cham', samples: 'rattan', quotation: 'celadon', contract: 'lacquer' } as const;

/** /deals/pipeline: the company's counterparts at a fair by furthest stage (met → samples → quotation → contract). */
export function PipelinePage() {
  const { t, i18n } = useTranslation('deals');
  const lng = currentLanguage(i18n.resolvedLanguage);
  const { side, fairs, fairId, setParam } = useDealContext();
  const pipeline = usePipeline(side ? fairId : null);

  const header = (
    <>
      <PageHeader
        title={t('pipeline.title')}
        subtitle={side === 'buyer' ? t('pipeline.subtitleBuyer') : t('pipeline.subtitleExhibitor')}
      />
      <DealsNav />
    </>
  );
  if (!side && fairs.isSuccess)
    return (
      <>
        {header}
        <EmptyState
          icon={<IconChartFunnel size={28} />}
          title={t('companyOnly.title')}
          body={t('companyOnly.body')}
        />
      </>
    );
  if (fairs.isPending)
    return (
      <>
        {header}
        <ListSkeleton rows={4} />
      </>
    );
  if (fairs.isError)
    return (
      <>
        {header}
        <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />
      </>
    );
  const data = pipeline.data;

  return (
    <>
      {header}
      <Stack gap="md">
        <DealFairSelect fairs={fairs.data} value={fairId} onChange={(id) => setParam('fair', id)} />
        {pipeline.isPending ? (
          <ListSkeleton rows={4} height={80} />
        ) : pipeline.isError ? (
          <ErrorState error={pipeline.error} onRetry={() => void pipeline.refetch()} />
        ) : data ? (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="pipeline-stages">
              {PIPELINE_STAGES.map((stage) => {
                const s = data.stages.find((x) => x.stage === stage);
                return (
                  <Paper key={stage} withBorder p="md" data-testid={`stage-${stage}`}>
                    <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                      {t(`pipeline.stages.${stage}`)}
                    </Text>
                    <Text fz={28} fw={700} className="tabular" data-testid="stage-count">
                      {s?.count ?? 0}
                    </Text>
                    <Text fz="sm" c="dimmed" className="tabular">
                      {formatUsd(s?.valueUsd ?? '0.00', lng)}
                    </Text>
                  </Paper>
                );
              })}
            </SimpleGrid>
            {data.counterparts.length === 0 ? (
              <EmptyState
                icon={<IconChartFunnel size={28} />}
                title={t('pipeline.emptyTitle')}
                body={t('pipeline.emptyBody')}
              />
            ) : (
              <Paper withBorder>
                <Table.ScrollContainer minWidth={760}>
                  <Table verticalSpacing="sm" data-testid="pipeline-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>
                          {data.side === 'exhibitor' ? t('fields.buyer') : t('fields.exhibitor')}
                        </Table.Th>
                        <Table.Th>{t('pipeline.stage')}</Table.Th>
                        <Table.Th ta="right">{t('pipeline.meetings')}</Table.Th>
                        <Table.Th ta="right">{t('pipeline.samples')}</Table.Th>
                        <Table.Th ta="right">{t('pipeline.quotations')}</Table.Th>
                        <Table.Th ta="right">{t('pipeline.contracts')}</Table.Th>
                        <Table.Th ta="right">{t('pipeline.value')}</Table.Th>
                        <Table.Th ta="right">{t('pipeline.confirmedValue')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.counterparts.map((c) => (
                        <Table.Tr key={c.companyId}>
                          <Table.Td>
                            <Text fw={600} fz="sm">
                              {c.companyName}
                            </Text>
                            {c.countryCode && (
                              <Text fz="xs" c="dimmed">
                                {countryName(c.countryCode, lng)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Badge color={STAGE_COLORS[c.stage]} variant="light">
                              {t(`pipeline.stages.${c.stage}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="right" className="tabular">
                            {c.meetingsHeld}
                          </Table.Td>
                          <Table.Td ta="right" className="tabular">
                            {c.samples}
                          </Table.Td>
                          <Table.Td ta="right" className="tabular">
                            {c.quotations}
                          </Table.Td>
                          <Table.Td ta="right" className="tabular">
                            {c.contracts}
                          </Table.Td>
                          <Table.Td ta="right" className="tabular">
                            {formatUsd(c.valueUsd, lng)}
                          </Table.Td>
                          <Table.Td ta="right" className="tabular">
                            {formatUsd(c.confirmedValueUsd, lng)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </>
        ) : null}
      </Stack>
    </>
  );
}
