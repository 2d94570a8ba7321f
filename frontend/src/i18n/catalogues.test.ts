import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(value: string): string[] {
  return [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

function lookup(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
}

describe('message catalogues', () => {
  it('German has exactly the English keys', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it('has no empty messages and the same placeholders in both languages', () => {
    for (const key of keys(en)) {
      const english = lookup(en, key);
      const german = lookup(de, key);
      expect(typeof english, key).toBe('string');
      expect((english as string).trim(), key).not.toBe('');
      expect((german as string).trim(), key).not.toBe('');
      expect(placeholders(german as string), key).toEqual(placeholders(english as string));
    }
  });

  it('uses the source text’s German words for the dashboard, not the English ones', () => {
    const german = JSON.stringify(de);
    expect(german).not.toContain('Digital Products');
    expect(de.dashboard.menu.title).toBe('Mein Business');
    expect(de.dashboard.menu.dashboard).toBe('Digitale Produkte & Software');
    expect(de.dashboard.title).toBe('Digitale Produkte & Software');
  });
});
