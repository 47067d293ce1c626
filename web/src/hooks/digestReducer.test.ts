import { describe, expect, it } from 'vitest';
import type { Digest, DigestItem, DigestSection } from '../types';
import { digestReducer, initialDigestView } from './digestReducer';

const item = (source: string, actionable: boolean): DigestItem => ({
  id: `${source}-${actionable}`,
  title: `${source} item`,
  source,
  kind: 'update',
  actionable,
  priority: 'low',
});
const section = (source: string, ...actionable: boolean[]): DigestSection => ({
  source,
  title: source,
  items: actionable.map((a) => item(source, a)),
});

describe('digestReducer', () => {
  it('shows announced sources as pending until their section arrives, actionable sections first', () => {
    let v = digestReducer(initialDigestView, { type: 'start', since: '2026-11-25T08:00:00Z', sources: ['slack', 'jira', 's3'] });
    expect(v.pending).toEqual(['slack', 'jira', 's3']);
    v = digestReducer(v, { type: 'section', section: section('s3', false, false) });
    v = digestReducer(v, { type: 'section', section: section('jira', true) });
    expect(v.pending).toEqual(['slack']);
    expect(v.sections.map((s) => s.source)).toEqual(['jira', 's3']);
    expect(v.status).toBe('loading');
  });

  it('finishes with the server digest, and an error keeps what already arrived', () => {
    const digest: Digest = {
      since: 's',
      generatedAt: 'g',
      summary: 'x',
      summaryMethod: 'grouped',
      sections: [section('slack', true)],
      actionableCount: 1,
      fromCache: true,
      reconnect: [],
    };
    const started = digestReducer(initialDigestView, { type: 'start', since: 's', sources: ['slack', 'jira'] });
    expect(digestReducer(started, { type: 'done', digest })).toMatchObject({
      status: 'done',
      pending: [],
      sections: digest.sections,
      digest,
    });
    const partial = digestReducer(started, { type: 'section', section: section('jira') });
    expect(digestReducer(partial, { type: 'error', error: 'boom' })).toMatchObject({
      status: 'error',
      error: 'boom',
      pending: [],
      sections: [section('jira')],
    });
    expect(digestReducer(partial, { type: 'load' })).toEqual(initialDigestView);
  });
});
