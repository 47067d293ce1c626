import { describe, expect, it } from 'vitest';
import { normalizeDigest } from './digestApi';

describe('normalizeDigest', () => {
  it('reads sections, puts actionable items first and sections with actions first', () => {
    const d = normalizeDigest({
      summary: '3 things happened',
      sections: [
        { source: 'slack', items: [{ title: 'Lunch?', timestamp: '2026-11-25T10:00:00Z' }] },
        { source: 'jira', items: [
          { title: 'Old update', timestamp: '2026-11-20T10:00:00Z' },
          { title: 'ACME-142 assigned to you', url: 'https://jira/ACME-142', priority: 'High', timestamp: '2026-11-19T10:00:00Z' },
        ] },
      ],
    });
    expect(d.summary).toBe('3 things happened');
    expect(d.sections.map((s) => s.source)).toEqual(['jira', 'slack']);
    expect(d.sections[0].items.map((i) => i.title)).toEqual(['ACME-142 assigned to you', 'Old update']);
    expect(d.sections[0].items[0]).toMatchObject({ actionable: true, url: 'https://jira/ACME-142', source: 'jira' });
  });

  it('accepts a map of sources and a flat item list', () => {
    const byMap = normalizeDigest({ sources: { github: { items: [{ title: 'PR #91 needs your review', actionable: true }] } } });
    expect(byMap.sections).toHaveLength(1);
    expect(byMap.sections[0]).toMatchObject({ source: 'github', items: [{ title: 'PR #91 needs your review', actionable: true }] });
    const flat = normalizeDigest({ items: [{ title: 'a', source: 'slack' }, { subject: 'b', source: 'google_workspace' }, { nothing: true }] });
    expect(flat.sections.map((s) => [s.source, s.items.map((i) => i.title)])).toEqual([['slack', ['a']], ['google_workspace', ['b']]]);
  });

  it('tolerates empty or odd payloads', () => {
    expect(normalizeDigest(null).sections).toEqual([]);
    expect(normalizeDigest({ digest: { sections: [{ source: 's3', error: 'S3 says: AccessDenied' }] } }).sections[0]).toMatchObject({ source: 's3', error: 'S3 says: AccessDenied', items: [] });
  });
});
