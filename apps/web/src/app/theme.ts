import {
  Alert,
  Badge,
  Button,
  Card,
  createTheme,
  defaultVariantColorsResolver,
  Modal,
  Pagination,
  Paper,
  Table,
  TextInput,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';
import { i18n } from '../lib/i18n';

/** Sơn mài (lacquer) red — brand accent and destructive actions. */
const lacquer: MantineColorsTuple = [
  '#fbeeee',
  '#f3d6d7',
  '#e6aeb0',
  '#d98588',
  '#cc5f63',
  '#b8363b',
  '#9b2226',
  '#831c20',
  '#6b171a',
  '#521113',
];
/** Chàm (indigo) — the working colour: buttons, links, navigation. */
const cham: MantineColorsTuple = [
  '#eef2f8',
  '#d6deeb',
  '#adbdd6',
  '#839bc0',
  '#5d7aa8',
  '#3e5d8c',
  '#1d3557',
  '#182c49',
  '#13233a',
  '#0e1a2c',
];
/** Rattan gold — waiting, highlights. Dark text on it (white fails AA). */
const rattan: MantineColorsTuple = [
  '#fbf6e5',
  '#f5eac1',
  '#ecd98f',
  '#e2c75c',
  '#d8b53a',
  '#d0aa2c',
  '#c9a227',
  '#a8871f',
  '#836917',
  '#5f4c10',
];
/** Bát Tràng celadon — success, approval. Dark text on it. */
const celadon: MantineColorsTuple = [
  '#f1f7f4',
  '#deede6',
  '#c4e0d3',
  '#aad2c0',
  '#9bc7b3',
  '#94c1ad',
  '#8fbca8',
  '#5f8e79',
  '#44705d',
  '#2f5242',
];

export const palette = {
  paper: '#F7F2E8',
  surface: '#FFFDF8',
  ink: '#1C1B19',
  muted: '#5C5648', // 6.6:1 on paper
  line: '#E4DACA',
  lacquer: lacquer[6],
  cham: cham[6],
  rattan: rattan[6],
  celadon: celadon[6],
};

/**
 * Gold and celadon (and Mantine's teal, green, yellow, orange and gray) are light: text and icons
 * drawn in them use their darkest shade to keep AA contrast (axe found small teal and gray labels
 * below 4.5:1).
 */
const LIGHT_COLORS = new Set(['rattan', 'celadon', 'teal', 'green', 'yellow', 'orange', 'gray']);
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const light = LIGHT_COLORS.has(input.color ?? '');
  if (light && (input.variant === 'light' || input.variant === 'subtle' || input.variant === 'outline')) {
    return {
      ...base,
      color: `var(--mantine-color-${input.color}-9)`,
      border: input.variant === 'outline' ? `1px solid var(--mantine-color-${input.color}-8)` : base.border,
    };
  }
  return base;
};

const fontFamily = '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  colors: { lacquer, cham, rattan, celadon },
  primaryColor: 'cham',
  primaryShade: 6,
  autoContrast: true,
  variantColorResolver,
  luminanceThreshold: 0.35,
  black: palette.ink,
  fontFamily,
  headings: { fontFamily, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: Button.extend({ defaultProps: { radius: 'md' } }),
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'lg' } }),
    Badge: Badge.extend({
      defaultProps: { radius: 'sm' },
      styles: { root: { fontVariantNumeric: 'tabular-nums' } },
    }),
    Modal: Modal.extend({ defaultProps: { radius: 'lg', centered: true } }),
    // the arrow buttons have no text: name them for screen readers, in the reader's language
    Pagination: Pagination.extend({
      defaultProps: {
        getControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({
          'aria-label': i18n.t(`common:pagination.${control}`),
        }),
      },
    }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } }),
    TextInput: TextInput.extend({ defaultProps: { radius: 'md' } }),
    Alert: Alert.extend({ defaultProps: { radius: 'md' } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-body': palette.surface,
    '--mantine-color-text': palette.ink,
    '--mantine-color-dimmed': palette.muted,
    '--mantine-color-default-border': palette.line,
    '--cm-paper': palette.paper,
  },
  dark: {},
});
