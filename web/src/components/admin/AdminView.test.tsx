import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { alice, bob, renderApp, source } from '../../test/render';
import { DataSourceSidebar } from '../DataSourceSidebar';
import { AdminView } from './AdminView';

afterEach(() => vi.unstubAllGlobals());

const routes = (me: object) => ({
  'GET /api/auth/me': () => json(me),
  'GET /api/admin/users': () => json({ users: [] }),
  'GET /api/admin/invites': () => json({ invites: [] }),
  'GET /api/admin/workspace': () => json({ signup: 'open', signup_domains: [] }),
  'GET /api/chat/sessions': () => json([]),
});

describe('AdminView', () => {
  it('shows an admin the four sections as links, the current one marked', async () => {
    mockFetch(routes(alice));
    const { user } = renderApp(<AdminView onOpenSidebar={() => {}} />, { route: '/admin/workspace', path: '/admin/:tab?' });
    const nav = await screen.findByRole('navigation', { name: 'Admin sections' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['People', 'Sources', 'Audit log', 'Workspace']);
    expect(within(nav).getByRole('link', { name: 'Workspace' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('group', { name: 'Who may join' })).toBeInTheDocument();
    await user.click(within(nav).getByRole('link', { name: 'People' }));
    expect(await screen.findByRole('heading', { name: 'Invitations' })).toBeInTheDocument();
  });

  it('sends a member away', async () => {
    mockFetch(routes(bob));
    renderApp(<AdminView onOpenSidebar={() => {}} />, { route: '/admin/people', path: '/admin/:tab?' });
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument();
  });

  it('lists Admin in the sidebar only for admins; My activity for everyone', async () => {
    mockFetch(routes(bob));
    const props = {
      datasources: [source('slack', 'Slack')],
      loading: false,
      open: false,
      onClose: () => {},
      onSelect: () => {},
      onNewChat: () => {},
      onOpenSession: () => {},
      onSessionDeleted: () => {},
      onOpenSettings: () => {},
      onLogout: () => {},
      sourceName: (id: string) => id,
    };
    renderApp(
      <>
        <DataSourceSidebar
          {...props}
          user={{ ...alice, profile_picture: null, created_at: '', last_login: null, previous_login: null } as never}
        />
      </>,
    );
    expect(screen.getByTestId('nav-admin')).toHaveTextContent('Admin');
    expect(screen.getByTestId('nav-activity')).toHaveTextContent('My activity');
  });

  it('hides Admin from a member', () => {
    mockFetch(routes(bob));
    renderApp(
      <DataSourceSidebar
        user={{ ...bob, role: 'member', profile_picture: null, created_at: '', last_login: null, previous_login: null }}
        datasources={[]}
        loading={false}
        open={false}
        onClose={() => {}}
        onSelect={() => {}}
        onNewChat={() => {}}
        onOpenSession={() => {}}
        onSessionDeleted={() => {}}
        onOpenSettings={() => {}}
        onLogout={() => {}}
        sourceName={(id) => id}
      />,
    );
    expect(screen.queryByTestId('nav-admin')).toBeNull();
    expect(screen.getByTestId('nav-activity')).toBeInTheDocument();
  });
});
