import { describe, expect, it } from 'vitest';
import { suggestDisplayName } from './displayName';

describe('suggestDisplayName', () => {
  it('spells the account name in the characters a display name allows', () => {
    expect(suggestDisplayName('Jürgen Müller-Weiß')).toBe('Juergen Mueller-Weiss');
    expect(suggestDisplayName('  José   Álvarez ')).toBe('Jose Alvarez');
    expect(suggestDisplayName("Siobhán O'Brien")).toBe('Siobhan O Brien');
  });

  it('suggests nothing it could not save', () => {
    expect(suggestDisplayName('李')).toBe('');
    expect(suggestDisplayName('Al')).toBe('');
    const long = suggestDisplayName('Maximilian Alexander von und zu Hohenzollern-Sigmaringen');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toBe(long.trim());
  });
});
