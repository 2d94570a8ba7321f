import { describe, expect, it } from 'vitest';
import { readFilters } from '@/lib/filters/filters';
import { LIST_FILTERS, listQuery } from './filters';

const fromUrl = (search: string) => listQuery(readFilters(new URLSearchParams(search), LIST_FILTERS));

describe('the subscription list’s filters', () => {
  it('asks for everything when the URL sets nothing', () => {
    expect(fromUrl('')).toEqual({});
  });

  it('reads the status and the self-referral flag from the URL', () => {
    expect(fromUrl('status=active&self_referral=true')).toEqual({ status: 'active', self_referral: true });
    expect(fromUrl('self_referral=true')).toEqual({ self_referral: true });
  });

  it('ignores values the API would refuse', () => {
    expect(fromUrl('status=submitted&self_referral=false')).toEqual({});
    expect(fromUrl('self_referral=yes')).toEqual({});
  });
});
