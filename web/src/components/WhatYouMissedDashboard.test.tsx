import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThemeProvider } from '../contexts/ThemeContext';
import { controllableStream, mockFetch } from '../test/fetchMock';
import type { Datasource, User } from '../types';
import { WhatYouMissedDashboard } from './WhatYouMissedDashboard';

afterEach(() => vi.unstubAllGlobals());

const user: User = {
  id: 'u1',
  email: 'alice@acme.test',
  name: 'Alice Chen',
  profile_picture: null,
  created_at: '2026-11-01T09:00:00Z',
  last_login: null,
  previous_login: null,
  role: 'member',
};
const source = (id: string, name: string): Datasource => ({
  id,
  name,
  accent: null,
  accent_dark: null,
  examples: [],
  description: '',
  icon: id,
  enabled: true,
  configured: true,
  credential_fields: [],
  credential_rules: [],
});
const datasources = [source('slack', 'Slack'), source('github', 'GitHub')];
const names = (id: string) => datasources.find((d) => d.id === id)?.name ?? id;

const mention = {
  id: 'slack-1',
  title: 'Bob mentioned you in #checkout-eng',
  url: 'https://acme.slack.com/archives/C1/p1',
  source: 'slack',
  kind: 'mention',
  actionable: true,
  priority: 'high',
  timestamp: '2026-11-26T07:00:00Z',
  summary: 'Fix is up',
  author: 'Bob Martinez',
};
const chatter = {
  ...mention,
  id: 'slack-2',
  title: 'New messages in #general',
  kind: 'channel_activity',
  actionable: false,
  priority: 'low',
};
const issue = {
  id: 'gh-1',
  title: 'Issue #87 opened',
  url: 'https://github.com/acme/storefront/issues/87',
  source: 'github',
  kind: 'new_issue',
  actionable: false,
  priority: 'low',
  timestamp: '2026-11-26T06:00:00Z',
  summary: null,
  author: 'dokafor',
};
const slackSection = { source: 'slack', title: 'Slack', items: [mention, chatter], error: null, duration_ms: 320 };
const githubSection = { source: 'github', title: 'GitHub', items: [issue], error: null, duration_ms: 900 };

function renderDashboard() {
  render(
    <ThemeProvider>
      <WhatYouMissedDashboard user={user} datasources={datasources} sourceName={names} onOpenSidebar={() => {}} onOpenSettings={() => {}} />
    </ThemeProvider>,
  );
  return userEvent.setup();
}

describe('WhatYouMissedDashboard', () => {
  it('shows each source reading, then its section as soon as it answers, actionable items first', async () => {
    const stream = controllableStream();
    mockFetch({ 'GET /api/digest/stream': () => stream.response });
    renderDashboard();
    stream.event({ event_type: 'digest_start', since: '2026-11-25T08:00:00Z', sources: ['slack', 'github'] });
    await waitFor(() => expect(screen.getByTestId('digest-source-github')).toHaveAttribute('data-state', 'reading'));

    stream.event({ event_type: 'section', section: slackSection });
    const attention = await screen.findByRole('region', { name: 'Needs your attention' });
    expect(within(attention).getByRole('link', { name: /Bob mentioned you in #checkout-eng/ })).toHaveAttribute('href', mention.url);
    expect(within(attention).getByText('High priority')).toBeInTheDocument();
    expect(screen.getByTestId('digest-source-slack')).toHaveAttribute('data-state', 'done');
    expect(screen.getByTestId('digest-source-github')).toHaveAttribute('data-state', 'reading');
    // The actionable mention is not repeated in Slack's own section.
    const slack = screen.getByRole('region', { name: /^Slack/ });
    expect(within(slack).queryByText(/Bob mentioned you/)).toBeNull();
    expect(within(slack).getByText('New messages in #general')).toBeInTheDocument();

    stream.event({ event_type: 'section', section: githubSection });
    stream.event({
      event_type: 'done',
      digest: {
        since: '2026-11-25T08:00:00Z',
        generated_at: '2026-11-26T08:00:00Z',
        summary: '**1 item(s) need your attention.**',
        summary_method: 'grouped',
        sections: [slackSection, githubSection],
        actionable_count: 1,
        from_cache: false,
      },
    });
    stream.close();
    await screen.findByTestId('digest-summary');
    expect(screen.getByText('3 updates · 1 needs action', { exact: false })).toBeInTheDocument();
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(regions).toEqual(['digest-action', 'digest-slack', 'digest-github']);
  });

  it('refresh asks the server to read every source again; a failed source says why', async () => {
    const first = controllableStream();
    const second = controllableStream();
    const { calls } = mockFetch({
      'GET /api/digest/stream': (call) => (call.url.includes('refresh=true') ? second.response : first.response),
    });
    const ui = renderDashboard();
    first.event({
      event_type: 'done',
      digest: {
        since: 's',
        generated_at: 'g',
        summary: '',
        summary_method: 'grouped',
        sections: [githubSection],
        actionable_count: 0,
        from_cache: true,
      },
    });
    first.close();
    await screen.findByText('Issue #87 opened');

    await ui.click(screen.getByRole('button', { name: 'Refresh' }));
    second.event({
      event_type: 'section',
      section: { ...slackSection, items: [], error: 'Slack says: invalid_auth (the token was revoked)' },
    });
    await screen.findByText('Slack says: invalid_auth (the token was revoked)');
    expect(screen.getByTestId('digest-source-slack')).toHaveAttribute('data-state', 'failed');
    expect(calls.map((c) => c.url)).toEqual(['/api/digest/stream?hours=24', '/api/digest/stream?hours=24&refresh=true']);
    second.close();

    // A refresh is a one-off: choosing another period afterwards uses the server's cache again.
    await ui.selectOptions(screen.getByLabelText('Period'), '168');
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/digest/stream?hours=168'));
  });
});
