import { describe, expect, it } from 'vitest';
import { timeAgo } from './format';

describe('timeAgo', () => {
  const now = Date.parse('2026-12-05T03:10:00Z');
  it('says how long ago a past time was', () => {
    expect(timeAgo('2026-12-05T03:09:40Z', now)).toBe('just now');
    expect(timeAgo('2026-12-05T02:40:00Z', now)).toBe('30 min ago');
    expect(timeAgo('2026-12-04T07:10:00Z', now)).toBe('20 h ago');
    expect(timeAgo('2026-12-02T03:10:00Z', now)).toBe('3 d ago');
  });

  it('says how far ahead a time still to come is, e.g. a meeting, instead of "just now"', () => {
    expect(timeAgo('2026-12-05T03:10:30Z', now)).toBe('just now');
    expect(timeAgo('2026-12-05T03:50:00Z', now)).toBe('in 40 min');
    expect(timeAgo('2026-12-05T06:00:00Z', now)).toBe('in 3 h');
    expect(timeAgo('2026-12-07T08:10:00Z', now)).toBe('in 2 d');
  });

  it('is empty for a missing or unreadable time', () => {
    expect(timeAgo(undefined, now)).toBe('');
    expect(timeAgo('not a date', now)).toBe('');
  });
});
