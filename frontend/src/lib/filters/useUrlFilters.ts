// A page's list filters, read from and written to the URL's search params.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { readFilters, withFilters, type FilterSpec, type FilterValues } from '@/lib/filters/filters';

type Changes<S extends FilterSpec> = Partial<Record<keyof S & string, string>>;

/** `spec` must be a module-level constant (it is a memo dependency). */
export function useUrlFilters<S extends FilterSpec>(spec: S) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => readFilters(params, spec), [params, spec]);

  // Two changes before the next render (two selects in quick succession) would each
  // start from the same rendered params and the second would undo the first; chain
  // them through the params last asked for until the router has rendered them.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [params]);

  const setFilters = useCallback(
    (changes: Changes<S>) => {
      const next = withFilters(pending.current ?? params, changes as Record<string, string>);
      pending.current = next;
      setParams(next);
    },
    [params, setParams],
  );
  const setFilter = useCallback(
    (key: keyof S & string, value: string) => setFilters({ [key]: value } as Changes<S>),
    [setFilters],
  );
  const clear = useCallback(
    () => setFilters(Object.fromEntries(Object.keys(spec).map((k) => [k, ''])) as Changes<S>),
    [setFilters, spec],
  );
  const active = Object.values(values).some(Boolean);

  return { values: values as FilterValues<S>, setFilter, setFilters, clear, active };
}
