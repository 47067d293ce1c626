import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, type Call } from '../../test/fetchMock';
import { alice, renderApp } from '../../test/render';
import type { AdminSource } from '../../types/admin';
import { SourcesTab } from './SourcesTab';

afterEach(() => vi.unstubAllGlobals());

const mysql = (over: Partial<AdminSource> = {}): AdminSource => ({
  id: 'mysql',
  name: 'MySQL',
  icon: 'mysql',
  built_in: true,
  enabled: true,
  connection: 'shared',
  fields: [
    { name: 'host', label: 'Host', type: 'text', required: true, fixable: true, fixed: true, personal: false },
    { name: 'user', label: 'User', type: 'text', required: true, fixable: false, fixed: false, personal: false },
    { name: 'password', label: 'Password', type: 'password', required: true, fixable: false, fixed: false, personal: false },
  ],
  fixed_settings: { host: 'db.internal' },
  shared_configured: true,
  shared_updated_at: new Date(Date.now() - 3 * 3600_000).toISOString(),
  tools: [
    { name: 'run_query', description: 'Runs a read-only SELECT.', read_only: true, disabled: false, always_ask: false },
    { name: 'insert_row', description: 'Inserts a row.', read_only: false, disabled: false, always_ask: true },
  ],
  writes_disabled: false,
  ...over,
});

function setup(initial: AdminSource) {
  let current = initial;
  const mock = mockFetch({
    'GET /api/auth/me': () => json(alice),
    // Like the server: the list leaves tools out; one source's GET lists them.
    'GET /api/admin/sources': () => json([{ ...current, tools: [], tools_known: false, tools_note: 'Open the source to see its tools.' }]),
    'GET /api/admin/sources/mysql': () => json(current),
    'PATCH /api/admin/sources/mysql': (c: Call) => {
      const body = c.body as Record<string, unknown>;
      current = {
        ...current,
        ...(body.enabled !== undefined ? { enabled: body.enabled as boolean } : {}),
        ...(body.connection ? { connection: body.connection as AdminSource['connection'] } : {}),
        ...(body.writes_disabled !== undefined ? { writes_disabled: body.writes_disabled as boolean } : {}),
        ...(body.fixed_settings ? { fixed_settings: body.fixed_settings as Record<string, string> } : {}),
        tools: current.tools.map((t) => ({
          ...t,
          disabled: body.disabled_tools ? (body.disabled_tools as string[]).includes(t.name) : t.disabled,
          always_ask: body.always_ask_tools ? (body.always_ask_tools as string[]).includes(t.name) : t.always_ask,
        })),
      };
      return json(current);
    },
    'PUT /api/admin/sources/mysql/credentials': () => new Response(null, { status: 204 }),
    'GET /api/datasources': () => json([]),
  });
  return { ...mock, ...renderApp(<SourcesTab />) };
}

const patches = (calls: Call[]) => calls.filter((c) => c.method === 'PATCH').map((c) => c.body);

describe('SourcesTab', () => {
  it('switches a source off and its connection to personal, one PATCH each', async () => {
    const { calls, user } = setup(mysql());
    const card = await screen.findByTestId('admin-source-mysql');
    await user.click(within(card).getByRole('switch', { name: 'Enabled' }));
    await waitFor(() => expect(within(card).getByRole('switch', { name: 'Enabled' })).toHaveAttribute('aria-checked', 'false'));
    await user.click(within(card).getByLabelText(/^Personal/));
    await waitFor(() => expect(patches(calls)).toEqual([{ enabled: false }, { connection: 'personal' }]));
    // A personal source has no shared credentials form.
    await waitFor(() => expect(within(card).queryByText('Shared credentials')).toBeNull());
  });

  it('edits where to connect, dropping emptied values', async () => {
    const { calls, user } = setup(mysql());
    const card = await screen.findByTestId('admin-source-mysql');
    const host = within(card).getByLabelText('Host');
    expect(host).toHaveValue('db.internal');
    await user.clear(host);
    await user.click(within(card).getByRole('button', { name: 'Save where to connect' }));
    await waitFor(() => expect(patches(calls)).toEqual([{ fixed_settings: {} }]));
  });

  it('shows saved shared credentials by their time only and replaces them with the unfixed fields', async () => {
    const { calls, user } = setup(mysql());
    const card = await screen.findByTestId('admin-source-mysql');
    expect(within(card).getByTestId('configured-banner')).toHaveTextContent('saved 3 h ago');
    // The fixed host is not asked again; the password field starts empty.
    const form = within(card).getByRole('form', { name: 'MySQL credentials' });
    expect(within(form).queryByLabelText(/Host/)).toBeNull();
    expect(within(form).getByLabelText(/Password/, { selector: 'input' })).toHaveValue('');
    await user.type(within(form).getByLabelText(/^User/), 'reporter');
    await user.type(within(form).getByLabelText(/Password/, { selector: 'input' }), 's3cret');
    await user.click(within(form).getByRole('button', { name: 'Replace credentials' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ credentials: { user: 'reporter', password: 's3cret' } }),
    );
  });

  it('sets the tool policy: off, always ask, and writes off for a shared connection', async () => {
    const { calls, user } = setup(mysql());
    const card = await screen.findByTestId('admin-source-mysql');
    // The list has no tools: they are fetched for this source only when asked for.
    expect(within(card).queryByText('always asks')).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Show MySQL tools' }));
    expect(await within(card).findByText('always asks')).toBeInTheDocument();
    await user.click(within(card).getByRole('switch', { name: 'Always ask before run_query' }));
    await waitFor(() => expect(within(card).getByRole('switch', { name: 'Always ask before run_query' })).toBeChecked());
    await user.click(within(card).getByRole('switch', { name: 'Turn run_query off' }));
    await waitFor(() => expect(within(card).getByRole('switch', { name: 'Turn run_query off' })).toBeChecked());
    await user.click(within(card).getByRole('switch', { name: /Writes off/ }));
    await waitFor(() => expect(within(card).getByRole('switch', { name: 'Turn insert_row off' })).toBeChecked());
    expect(patches(calls)).toEqual([{ always_ask_tools: ['run_query'] }, { disabled_tools: ['run_query'] }, { writes_disabled: true }]);
  });
});
