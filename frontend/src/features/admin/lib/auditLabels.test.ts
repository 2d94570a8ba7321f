// @vitest-environment node
// Every audit action the backend can write (the spec's AuditAction enum) has a label in
// both catalogues, so the audit log never shows a raw key.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import de from '@/i18n/de.json';
import en from '@/i18n/en.json';
import { AUDIT_ACTIONS, KNOWN_SUBJECT_TYPES, actionKey, subjectKey } from './audit';

function lookup(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

/** The AuditAction enum of openapi.yaml: what the backend can write. */
function specActions(): string[] {
  const path = process.env.OPENAPI_SPEC ?? fileURLToPath(new URL('../../../../../openapi.yaml', import.meta.url));
  const spec = readFileSync(path, 'utf8');
  const block = /\n {4}AuditAction:\n(?: {6}.*\n)*? {6}enum:\n((?: {6}- .*\n)+)/.exec(spec);
  expect(block, 'openapi.yaml has the AuditAction enum').not.toBeNull();
  return [...(block?.[1] ?? '').matchAll(/- (\S+)/g)].map((m) => (m[1] ?? '').replace(/^['"]|['"]$/g, ''));
}

describe('audit labels', () => {
  it('lists every action of the spec', () => {
    const actions = specActions();
    expect(actions).toContain('tax_form.saved');
    expect([...AUDIT_ACTIONS].sort()).toEqual([...actions].sort());
  });

  it.each([
    ['en', en],
    ['de', de],
  ])('has a label for every action and subject type in %s', (_language, catalogue) => {
    for (const key of [...AUDIT_ACTIONS.map(actionKey), ...KNOWN_SUBJECT_TYPES.map(subjectKey)]) {
      const label = lookup(catalogue, key);
      expect(typeof label, key).toBe('string');
      expect((label as string).trim(), key).not.toBe('');
    }
  });

  it('speaks German in German', () => {
    expect(lookup(de, actionKey('tax_form.saved'))).toBe('W-9 gespeichert');
    expect(lookup(en, actionKey('tax_form.saved'))).toBe('W-9 saved');
    const same = AUDIT_ACTIONS.filter((a) => lookup(de, actionKey(a)) === lookup(en, actionKey(a)));
    expect(same).toEqual([]);
  });
});
