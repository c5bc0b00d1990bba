import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';

interface FigureCardProps {
  label: string;
  value: string;
  hint?: ReactNode;
  icon: ReactNode;
  color: string;
  testId: string;
  children?: ReactNode;
}

/** One big figure with its unit and its comparison. */
export function FigureCard({ label, value, hint, icon, color, testId, children }: FigureCardProps) {
  return (
    <Paper withBorder p="md" radius="md" h="100%" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
            {label}
          </Text>
          <Text fz={26} fw={700} className="tabular" lh={1.2} data-testid={`${testId}-value`}>
            {value}
          </Text>
          {hint && (
            <Text fz="xs" c="dimmed" className="tabular" data-testid={`${testId}-hint`}>
              {hint}
            </Text>
          )}
        </Stack>
        <ThemeIcon size={40} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
      </Group>
      {children}
    </Paper>
  );
}

interface FactListProps {
  title: string;
  icon: ReactNode;
  color: string;
  rows: { label: string; value: string; testId?: string }[];
  testId: string;
}

/** A titled list of label · figure pairs. */
export function FactList({ title, icon, color, rows, testId }: FactListProps) {
  return (
    <Paper withBorder p="md" radius="md" h="100%" data-testid={testId}>
      <Group gap="xs" mb="sm">
        <ThemeIcon size={28} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <Text fw={700}>{title}</Text>
      </Group>
      <Stack gap={6}>
        {rows.map((row) => (
          <Group key={row.label} justify="space-between" wrap="nowrap" gap="sm">
            <Text fz="sm" c="dimmed">
              {row.label}
            </Text>
            <Text fz="sm" fw={600} className="tabular" data-testid={row.testId}>
              {row.value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
