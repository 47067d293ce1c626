import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { alice, renderApp, source } from '../../test/render';
import { AuditLog, toApiFilters } from './AuditLog';

afterEach(() => vi.unstubAllGlobals());

const entry = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  at: '2026-03-02T10:00:00Z',
  kind: 'tool_call',
  action: 'tool_called',
  user_id: 'u2',
  user_email: 'bob@acme.test',
  source: 'mysql',
  tool: 'run_query',
  arguments: { sql: 'SELECT COUNT(*) FROM customers' },
  approval: 'none',
  approved_by: null,
  outcome: 'success',
  duration_ms: 42,
  from_cache: false,
  session_id: 's1',
  request_id: 'r1',
  target: null,
  detail: null,
  ip: '10.0.0.7',
  ...over,
});

describe('AuditLog', () => {
  it('admin: lists entries with who, what and outcome, pages with the cursor, and filters', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(alice),
      'GET /api/admin/audit': (c) => {
        const q = new URL(c.url, 'http://x').searchParams;
        if (q.get('cursor') === 'c2') return json({ entries: [entry('2', { tool: 'list_tables', outcome: 'error' })], next_cursor: null });
        return json({ entries: [entry('1')], next_cursor: 'c2' });
      },
    });
    const { user } = renderApp(<AuditLog scope="admin" />, { sources: [source('mysql', 'MySQL')] });
    const table = await screen.findByRole('table', { name: 'Audit log entries' });
    expect(within(table).getByRole('columnheader', { name: 'User' })).toBeInTheDocument();
    const row = within(table).getAllByTestId('audit-row')[0];
    expect(row).toHaveTextContent('bob@acme.test');
    expect(row).toHaveTextContent('MySQL · run_query');
    expect(row).toHaveTextContent('success');
    expect(row).toHaveTextContent('42 ms');
    await user.click(within(row).getByText('Arguments'));
    expect(within(row).getByText(/SELECT COUNT\(\*\) FROM customers/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(table).getAllByTestId('audit-row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    await user.type(screen.getByLabelText('User'), 'bob@acme.test');
    await user.selectOptions(screen.getByLabelText('Source'), 'mysql');
    await user.selectOptions(screen.getByLabelText('Outcome'), 'error');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/admin/audit?user=bob%40acme.test&source=mysql&outcome=error&limit=50'));
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/admin/audit?user=bob%40acme.test&source=mysql&outcome=error&format=csv',
    );
    expect(screen.getByRole('link', { name: 'Export JSONL' })).toHaveAttribute('href', expect.stringContaining('format=jsonl'));
  });

  it('mine: reads /api/activity, without a User filter or column', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(alice),
      'GET /api/activity': () =>
        json({ entries: [entry('1', { kind: 'credential', action: 'credentials_saved', tool: null })], next_cursor: null }),
    });
    renderApp(<AuditLog scope="mine" />);
    const table = await screen.findByRole('table', { name: 'Your activity' });
    expect(within(table).queryByRole('columnheader', { name: 'User' })).toBeNull();
    expect(screen.queryByLabelText('User')).toBeNull();
    expect(within(table).getByText('credentials saved')).toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/api/activity'))?.url).toBe('/api/activity?limit=50');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', '/api/activity?format=csv');
  });

  it('says when nothing matches, and turns date inputs into whole local days', async () => {
    mockFetch({ 'GET /api/auth/me': () => json(alice), 'GET /api/activity': () => json({ entries: [], next_cursor: null }) });
    renderApp(<AuditLog scope="mine" />);
    expect(await screen.findByText('Nothing recorded yet.')).toBeInTheDocument();
    const f = toApiFilters({ from: '2026-03-02', to: '2026-03-02' });
    expect(Date.parse(f.to!) - Date.parse(f.from!)).toBe(86_400_000);
    expect(new Date(f.from!).getHours()).toBe(0);
  });
});
