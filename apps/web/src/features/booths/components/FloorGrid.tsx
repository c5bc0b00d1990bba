import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FloorHall } from '@craftmatch/shared';

/** A hall as a CSS grid: each cell shows its booth's code and company, or stays empty. */
export function FloorGrid({ hall }: { hall: FloorHall }) {
  const { t } = useTranslation('booths');
  const byCell = new Map(
    hall.booths.filter((b) => b.gridRow && b.gridCol).map((b) => [`${b.gridRow}:${b.gridCol}`, b]),
  );
  const unplaced = hall.booths.filter((b) => !b.gridRow || !b.gridCol);
  const cells = hall.gridRows * hall.gridCols;
  return (
    <Paper withBorder p="md" data-testid={`floor-hall-${hall.code}`}>
      <Stack gap="xs">
        <Title order={3} fz="md">
          {hall.code} · {hall.name}
        </Title>
        <Text fz="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('floor.legend', { placed: byCell.size, cells })}
        </Text>
        <Box style={{ overflowX: 'auto' }}>
          <Box
            role="grid"
            aria-label={`${hall.code} · ${hall.name}`}
            style={{
              display: 'grid',
              gridTemplateColumns: `repeat(${hall.gridCols}, minmax(72px, 1fr))`,
              gap: 4,
              minWidth: hall.gridCols * 76,
            }}
          >
            {Array.from({ length: cells }, (_, i) => {
              const row = Math.floor(i / hall.gridCols) + 1;
              const col = (i % hall.gridCols) + 1;
              const booth = byCell.get(`${row}:${col}`);
              return (
                <Box
                  key={i}
                  role="gridcell"
                  title={booth ? `${booth.code} · ${booth.companyName}` : t('floor.empty')}
                  style={{
                    minHeight: 58,
                    padding: 4,
                    borderRadius: 4,
                    border: booth
                      ? '1px solid var(--mantine-color-cham-6)'
                      : '1px dashed var(--mantine-color-gray-4)',
                    background: booth ? 'var(--mantine-color-cham-0)' : 'transparent',
                    overflow: 'hidden',
                  }}
                >
                  {booth ? (
                    <>
                      <Text fz="xs" fw={700} c="cham.7" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {booth.code}
                      </Text>
                      <Text fz={10} lineClamp={2} lh={1.2}>
                        {booth.companyName}
                      </Text>
                    </>
                  ) : (
                    <Text fz={10} c="dimmed">
                      {row}·{col}
                    </Text>
                  )}
                </Box>
              );
            })}
          </Box>
        </Box>
        {unplaced.length > 0 && (
          <Text fz="sm" c="dimmed">
            {t('floor.unplaced', { codes: unplaced.map((b) => b.code).join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
