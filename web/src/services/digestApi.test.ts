import { afterEach, describe, expect, it, vi } from 'vitest';
import { controllableStream, json, mockFetch } from '../test/fetchMock';
import { digestPath, kindLabel, streamDigest, toDigest } from './digestApi';
import { ApiError } from './http';

afterEach(() => vi.unstubAllGlobals());

// Shaped like the server's DigestResponse / DigestSection / DigestItem (snake_case on the wire).
const pr = {
  id: 'gh-pr-91',
  title: 'PR #91 Fix double charge',
  url: 'https://github.com/acme/storefront/pull/91',
  source: 'github',
  kind: 'review_requested',
  actionable: true,
  priority: 'high',
  timestamp: '2026-11-25T10:00:00Z',
  summary: 'acme/storefront · by bobm',
  author: 'bobm',
};
const file = {
  id: 's3-x',
  title: 'acme-engineering/postmortem.md',
  url: 's3://acme-engineering/postmortem.md',
  source: 's3',
  kind: 'new_object',
  actionable: false,
  priority: 'low',
  timestamp: null,
  summary: null,
  author: null,
};
const githubSection = { source: 'github', title: 'GitHub', items: [pr], error: null, duration_ms: 412 };
const s3Section = { source: 's3', title: 'Amazon S3', items: [file], error: null, duration_ms: 80 };
const wire = {
  since: '2026-11-25T08:00:00Z',
  generated_at: '2026-11-26T08:00:00Z',
  summary: '**1 item(s) need your attention.**',
  summary_method: 'grouped',
  sections: [githubSection, s3Section],
  actionable_count: 1,
  from_cache: false,
};

describe('toDigest', () => {
  it('maps the wire shape, keeps web links and drops links a browser cannot open', () => {
    const d = toDigest(wire);
    expect(d).toMatchObject({ since: '2026-11-25T08:00:00Z', summaryMethod: 'grouped', actionableCount: 1, fromCache: false });
    expect(d.sections.map((s) => s.source)).toEqual(['github', 's3']);
    expect(d.sections[0]).toMatchObject({ title: 'GitHub', durationMs: 412, error: undefined });
    expect(d.sections[0].items[0]).toMatchObject({
      kind: 'review_requested',
      actionable: true,
      priority: 'high',
      url: pr.url,
      author: 'bobm',
    });
    expect(d.sections[1].items[0].url).toBeUndefined();
    expect(d.sections[1].items[0].timestamp).toBeUndefined();
  });

  it('skips items without a title and survives an empty payload', () => {
    expect(
      toDigest({
        sections: [{ source: 'slack', title: 'Slack', items: [{ id: 'x', source: 'slack' }], error: 'Slack says: invalid_auth' }],
      }).sections[0],
    ).toMatchObject({ source: 'slack', items: [], error: 'Slack says: invalid_auth' });
    expect(toDigest(null)).toMatchObject({ sections: [], summary: '', actionableCount: 0 });
  });

  it('labels kinds and builds the query', () => {
    expect(kindLabel('review_requested')).toBe('Review requested');
    expect(digestPath({ hours: 24, refresh: true }, true)).toBe('/api/digest/stream?hours=24&refresh=true');
    expect(digestPath({})).toBe('/api/digest');
  });
});

describe('streamDigest', () => {
  it('announces the sources, delivers each section as it arrives (even split across chunks) and resolves with the digest', async () => {
    const stream = controllableStream();
    const { calls } = mockFetch({ 'GET /api/digest/stream': () => stream.response });
    const seen: string[] = [];
    const done = streamDigest(
      { hours: 24 },
      {
        onStart: (_since, sources) => seen.push(`start:${sources.join(',')}`),
        onSection: (s) => seen.push(`section:${s.source}:${s.items.length}`),
      },
    );
    stream.event({ event_type: 'digest_start', since: wire.since, sources: ['github', 's3'] });
    const text = `data: ${JSON.stringify({ event_type: 'section', section: s3Section })}\n\n`;
    stream.push(text.slice(0, 40));
    stream.push(text.slice(40));
    stream.event({ event_type: 'section', section: githubSection });
    stream.event({ event_type: 'done', digest: wire });
    stream.close();
    const digest = await done;
    expect(seen).toEqual(['start:github,s3', 'section:s3:1', 'section:github:1']);
    expect(digest.actionableCount).toBe(1);
    expect(calls[0].url).toBe('/api/digest/stream?hours=24');
  });

  it('turns an error event or a cut-off stream into a readable error', async () => {
    const failing = controllableStream();
    mockFetch({ 'GET /api/digest/stream': () => failing.response });
    const p = streamDigest({}, {});
    failing.event({ event_type: 'error', error: 'Something went wrong on the server; it has been logged.' });
    failing.close();
    await expect(p).rejects.toThrow('Something went wrong on the server; it has been logged.');

    const cut = controllableStream();
    mockFetch({ 'GET /api/digest/stream': () => cut.response });
    const q = streamDigest({}, {});
    cut.close();
    await expect(q).rejects.toBeInstanceOf(ApiError);
  });

  it('passes a bad window back as the server explained it', async () => {
    mockFetch({
      'GET /api/digest/stream': () =>
        json(
          { status: 400, title: 'The digest window is not valid', detail: 'hours must be a whole number from 1 to 744 (31 days).' },
          400,
        ),
    });
    await expect(streamDigest({ hours: 0.5 }, {})).rejects.toThrow('hours must be a whole number from 1 to 744 (31 days).');
  });
});
