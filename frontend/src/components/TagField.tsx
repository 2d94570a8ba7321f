import { TagsInput, type TagsInputProps } from '@mantine/core';
import { splitTags } from './tags';

/** Mantine's TagsInput that also splits a value added by Enter, blur or paste on commas. */
export function TagField({ onChange, ...props }: TagsInputProps) {
  return <TagsInput {...props} onChange={(values) => onChange?.(splitTags(values))} />;
}
