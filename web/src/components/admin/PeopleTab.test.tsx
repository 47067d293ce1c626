import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { alice, renderApp, source } from '../../test/render';
import { PeopleTab } from './PeopleTab';

afterEach(() => vi.unstubAllGlobals());

const person = <T extends object>(over: T) => ({
  created_at: '2026-01-01T00:00:00Z',
  last_login: null,
  locked: false,
  locked_until: null,
  disabled: false,
  disabled_at: null,
  sources_connected: [],
  ...over,
});

function setup(extra: Record<string, (c: { body?: unknown }) => Response> = {}) {
  let users = [
    person({ ...alice, sources_connected: ['slack'] }),
    person({ id: 'u2', email: 'bob@acme.test', name: 'Bob Diaz', role: 'member', locked: true, locked_until: '2026-01-01T10:00:00Z' }),
  ];
  const mock = mockFetch({
    'GET /api/auth/me': () => json(alice),
    'GET /api/admin/users': () => json({ users }),
    'GET /api/admin/invites': () => json({ invites: [] }),
    'PATCH /api/admin/users/u2': (c) => {
      users = users.map((u) => (u.id === 'u2' ? { ...u, ...(c.body as object) } : u));
      return json(users[1]);
    },
    'POST /api/admin/users/u2/unlock': () => {
      users = users.map((u) => (u.id === 'u2' ? { ...u, locked: false } : u));
      return new Response(null, { status: 204 });
    },
    ...extra,
  });
  document.cookie = 'XSRF-TOKEN=tok123; path=/';
  return { ...mock, ...renderApp(<PeopleTab />, { sources: [source('slack', 'Slack')] }) };
}

describe('PeopleTab', () => {
  it('lists everyone with role, state and connected sources', async () => {
    setup();
    const bob = await screen.findByRole('listitem', { name: 'Bob Diaz' });
    expect(within(bob).getByText('member')).toBeInTheDocument();
    expect(within(bob).getByText('locked')).toBeInTheDocument();
    expect(within(bob).getByText(/Last sign-in: never/)).toBeInTheDocument();
    expect(within(bob).getByText('Sources: none connected')).toBeInTheDocument();
    const me = screen.getByRole('listitem', { name: 'Alice Chen' });
    expect(within(me).getByText('(you)')).toBeInTheDocument();
    expect(within(me).getByText('Sources: Slack')).toBeInTheDocument();
    // You cannot disable or delete yourself from here.
    expect(within(me).queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('promotes, unlocks and disables with the XSRF header, and says what happened', async () => {
    const { calls, user } = setup();
    const bob = await screen.findByRole('listitem', { name: 'Bob Diaz' });
    await user.click(within(bob).getByRole('button', { name: 'Make admin' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Bob Diaz is now an admin.');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ role: 'admin' });
    expect(patch.headers['X-XSRF-TOKEN']).toBe('tok123');
    await waitFor(() => expect(within(bob).getByRole('button', { name: 'Make member' })).toBeInTheDocument());

    await user.click(within(bob).getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(within(bob).queryByText('locked')).toBeNull());
    await user.click(within(bob).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ disabled: true }));
  });

  it('deletes only after confirming in a dialog that starts on Cancel, and shows the server refusing', async () => {
    const { calls, user } = setup({
      'DELETE /api/admin/users/u2': () =>
        json({ title: 'Conflict', detail: 'Bob Diaz is the last admin; make someone else admin first.' }, 409),
    });
    const bob = await screen.findByRole('listitem', { name: 'Bob Diaz' });
    await user.click(within(bob).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Bob Diaz?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('last admin');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
