import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { useDynamicT } from './dynamic';
import { catalogueMisses, clearCatalogueMisses } from './misses';

afterEach(async () => {
  clearCatalogueMisses();
  await i18n.changeLanguage('en');
});

describe('catalogue misses', () => {
  it('records a key missing from the catalogues, and a run-time key that fell back', async () => {
    await i18n.changeLanguage('de');
    const translate = i18n.t as unknown as (key: string) => string;
    translate('app.noSuchKey');
    expect(translate('app.close')).not.toBe('app.close');
    const { result } = renderHook(() => useDynamicT());
    expect(result.current('staff.status.no_such_status', 'No such status')).toBe('No such status');
    expect(catalogueMisses()).toEqual(expect.arrayContaining([expect.stringContaining('app.noSuchKey'), 'de:staff.status.no_such_status']));
    expect(catalogueMisses().some((m) => m.endsWith(':app.close'))).toBe(false);
  });
});
