import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { displayName } from './displayName';

describe('displayName', () => {
  it('translates the CLI placeholder and leaves real names alone', async () => {
    await i18n.changeLanguage('de');
    try {
      expect(displayName('Partner Hub staff', i18n.t)).toBe('Partner-Hub-Team');
      expect(displayName('Sam Support', i18n.t)).toBe('Sam Support');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
