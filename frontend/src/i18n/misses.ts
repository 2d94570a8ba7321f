// Catalogue misses seen while the app runs: keys i18next could not find, and run-time
// keys (useDynamicT) that fell back to the API's English. Recorded only when diagnostics
// are on (dev server, unit tests, or the e2e run's opt-in), and read by the e2e test that
// walks every route in German.
const STORAGE_FLAG = 'partner_hub.diagnostics';

/** Dev and test builds always; a production build only when the browser opted in. */
export function diagnosticsEnabled(): boolean {
  if (import.meta.env.DEV || import.meta.env.MODE === 'test') return true;
  try {
    return globalThis.localStorage?.getItem(STORAGE_FLAG) === '1';
  } catch {
    return false;
  }
}

const misses = new Set<string>();

export function recordMiss(language: string, key: string): void {
  misses.add(`${language}:${key}`);
}

/** `language:key` for every miss so far, sorted. */
export function catalogueMisses(): string[] {
  return [...misses].sort();
}

export function clearCatalogueMisses(): void {
  misses.clear();
}
