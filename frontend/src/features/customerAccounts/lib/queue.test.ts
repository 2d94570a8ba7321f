import { describe, expect, it } from 'vitest';
import { readFilters } from '@/lib/filters/filters';
import { QUEUE_FILTERS, queueStatus, statusChoice, statusParam } from './queue';

const fromUrl = (search: string) => readFilters(new URLSearchParams(search), QUEUE_FILTERS).status;

describe('the review queue’s status filter', () => {
  it('opens on submitted accounts when the URL names no status', () => {
    expect(statusChoice(fromUrl(''))).toBe('submitted');
    expect(queueStatus(fromUrl(''))).toBe('submitted');
  });

  it('asks for the status the URL names, and for every status on "all"', () => {
    expect(queueStatus(fromUrl('status=rejected'))).toBe('rejected');
    expect(queueStatus(fromUrl('status=active'))).toBe('active');
    expect(statusChoice(fromUrl('status=all'))).toBe('all');
    expect(queueStatus(fromUrl('status=all'))).toBeUndefined();
  });

  it('falls back to the default for a status the API does not know', () => {
    expect(fromUrl('status=pending')).toBe('');
    expect(queueStatus(fromUrl('status=pending'))).toBe('submitted');
  });

  it('keeps the default out of the URL and writes every other choice', () => {
    expect(statusParam('submitted')).toBe('');
    expect(statusParam('approved')).toBe('approved');
    expect(statusParam('all')).toBe('all');
  });
});
