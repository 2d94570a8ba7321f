// Tag fields split what was typed or pasted on commas: "Deutsch, Englisch" is two
// languages, not one called "Deutsch, Englisch" (Mantine splits only on a typed comma
// key, not on Enter, blur or a pasted value).

/** Splits every tag on commas, trims, and drops empties and repeats. */
export function splitTags(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const part of value.split(',')) {
      const tag = part.trim();
      if (tag && !out.includes(tag)) out.push(tag);
    }
  }
  return out;
}
