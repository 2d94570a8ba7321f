import { TextInput, type TextInputProps } from '@mantine/core';

/** A percentage typed as text ("12.5", "7,25"), read exactly by @/lib/format/parse. */
export function PercentInput(props: Omit<TextInputProps, 'inputMode' | 'rightSection'>) {
  return <TextInput inputMode="decimal" rightSection="%" maw={240} {...props} />;
}
