import { describe, expect, it } from 'vitest';
import { formatDuration, timeAgo } from './format';

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

describe('formatDuration', () => {
  it('keeps a tenth of a millisecond for fast calls, whole milliseconds from 10 ms, seconds from 1 s', () => {
    expect(formatDuration(0.412)).toBe('0.4 ms');
    expect(formatDuration(0.02)).toBe('< 0.1 ms');
    expect(formatDuration(2.46)).toBe('2.5 ms');
    expect(formatDuration(3)).toBe('3 ms');
    expect(formatDuration(9.97)).toBe('10 ms');
    expect(formatDuration(12.345)).toBe('12 ms');
    expect(formatDuration(999.6)).toBe('1.0 s');
    expect(formatDuration(1250)).toBe('1.3 s');
    expect(formatDuration(65_000)).toBe('1 min 5 s');
  });

  it('says 0 ms for a call that never ran, and nothing for a missing value', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
  });
});
