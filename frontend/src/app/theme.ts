import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Shade 8 keeps white-on-primary text above the WCAG AA contrast ratio (4.5:1).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
});

// Mantine's default "dimmed" grey (gray.6) is too light for small text on white.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    // The default error red (red.6) is below 4.5:1 on white.
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {},
});
