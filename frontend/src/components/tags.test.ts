import { describe, expect, it } from 'vitest';
import { splitTags } from './tags';

describe('splitTags', () => {
  it('splits a typed or pasted list on commas', () => {
    expect(splitTags(['Deutsch, Englisch'])).toEqual(['Deutsch', 'Englisch']);
    expect(splitTags(['Französisch', 'Deutsch,Englisch, ', ' Deutsch'])).toEqual(['Französisch', 'Deutsch', 'Englisch']);
  });
});
