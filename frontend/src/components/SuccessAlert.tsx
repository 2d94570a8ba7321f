import { Alert, type AlertProps } from '@mantine/core';

// Mantine's green/teal alerts put a mid-shade title on a tinted background (below 4.5:1);
// the lightest tint with the darkest shade keeps the title readable.
const styles = { title: { color: 'var(--mantine-color-teal-9)' } };

/** Something went well or is done: an alert in the success colour, with readable contrast. */
export function SuccessAlert(props: Omit<AlertProps, 'color' | 'variant'>) {
  return <Alert color="teal" variant="light" bg="teal.0" styles={styles} {...props} />;
}
