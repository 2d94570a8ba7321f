// List filters live in the URL's search params, so a filtered queue can be bookmarked
// and shared. A spec says which params a page reads and what values each may take;
// anything else in the URL is ignored rather than sent to the API (which would 400).

/** Allowed values (a select), free text, or a calendar date `YYYY-MM-DD`. */
export type FilterKind = readonly string[] | 'text' | 'date';
export type FilterSpec = Record<string, FilterKind>;
/** Every filter of a spec, '' when unset. */
export type FilterValues<S extends FilterSpec> = { [K in keyof S]: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The API caps free-text filters at 100 characters. */
export const TEXT_MAX = 100;

function parseDate(value: string): { y: number; m: number; d: number } | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(y, m - 1, d);
  // Rejects 2026-02-30 and the like, which Date would roll over.
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? { y, m, d } : null;
}

function clean(kind: FilterKind, raw: string | null): string {
  if (raw === null) return '';
  if (kind === 'text') return raw.trim().slice(0, TEXT_MAX);
  if (kind === 'date') return parseDate(raw) ? raw : '';
  return kind.includes(raw) ? raw : '';
}

/** The filters a URL asks for; unknown or invalid values read as unset. */
export function readFilters<S extends FilterSpec>(params: URLSearchParams, spec: S): FilterValues<S> {
  const values = {} as Record<string, string>;
  for (const [key, kind] of Object.entries(spec)) values[key] = clean(kind, params.get(key));
  return values as FilterValues<S>;
}

/** New search params with the given filters set (an empty value removes the param). */
export function withFilters(params: URLSearchParams, changes: Record<string, string>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    const trimmed = value.trim();
    if (trimmed) next.set(key, trimmed);
    else next.delete(key);
  }
  return next;
}

/** The value, or undefined when the filter is unset (so it stays out of the API query). */
export function orUndefined<T extends string>(value: string): T | undefined {
  return value ? (value as T) : undefined;
}

/** 'true' / 'false' → boolean; unset → undefined. */
export function toBoolean(value: string): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** The start of a calendar day in the user's time zone, as RFC 3339 (UTC). */
export function startOfDay(date: string): string | undefined {
  const parsed = parseDate(date);
  return parsed ? new Date(parsed.y, parsed.m - 1, parsed.d).toISOString() : undefined;
}

/**
 * The end of a calendar day in the user's time zone, as the next day's start: the API's
 * `submitted_before` is exclusive, and "until 3 March" includes all of 3 March.
 */
export function endOfDay(date: string): string | undefined {
  const parsed = parseDate(date);
  return parsed ? new Date(parsed.y, parsed.m - 1, parsed.d + 1).toISOString() : undefined;
}
