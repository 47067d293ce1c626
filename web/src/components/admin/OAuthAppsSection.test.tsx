import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { alice, renderApp } from '../../test/render';
import type { OAuthApp } from '../../types/oauth';
import { appState, OAuthAppsSection } from './OAuthAppsSection';

afterEach(() => vi.unstubAllGlobals());

const redirect = 'https://mosaic.acme.test/api/oauth/google_workspace/callback';
const app = (extra: Partial<OAuthApp> = {}): OAuthApp => ({
  provider: 'google',
  name: 'Google',
  sources: ['google_workspace'],
  client_id: null,
  secret_set: false,
  from_environment: false,
  redirect_urls: [redirect],
  scopes: ['https://www.googleapis.com/auth/gmail.readonly', 'openid'],
  docs: 'docs/oauth.md#google',
  ...extra,
});

describe('Admin › Workspace › OAuth apps', () => {
  it('words where an app stands', () => {
    expect(appState(app())).toEqual({ label: 'Not set up', tone: 'neutral' });
    expect(appState(app({ client_id: 'c', secret_set: false })).label).toBe('Secret missing');
    expect(appState(app({ client_id: 'c', secret_set: true })).label).toBe('Configured');
    expect(appState(app({ client_id: 'c', secret_set: true, from_environment: true })).label).toBe('Set in the environment');
  });

  it('shows the redirect URL to copy and the scopes, and needs a secret for a new app', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(alice),
      'GET /api/admin/oauth': () => json([app()]),
      'PUT /api/admin/oauth/google': () => json(app({ client_id: 'id-1', secret_set: true })),
      'GET /api/datasources': () => json([]),
    });
    const { user } = renderApp(<OAuthAppsSection />);
    const card = await screen.findByTestId('oauth-app-google');
    expect(within(card).getByRole('textbox', { name: 'Redirect URL for Google' })).toHaveValue(redirect);
    expect(within(card).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(within(card).getByRole('list', { name: 'Google scopes' })).toHaveTextContent('gmail.readonly');
    expect(card).toHaveTextContent('docs/oauth.md#google');
    await user.type(within(card).getByLabelText('Client id'), 'id-1');
    await user.click(within(card).getByRole('button', { name: 'Save' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Enter the client secret');
    await user.type(within(card).getByLabelText('Client secret'), 's3cret');
    await user.click(within(card).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ client_id: 'id-1', client_secret: 's3cret' }));
    expect(within(card).getByLabelText('Client secret')).toHaveValue('');
  });

  it('keeps a saved secret when only the client id changes, never shows it, and removes a saved app', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(alice),
      'GET /api/admin/oauth': () => json([app({ client_id: 'id-1', secret_set: true })]),
      'PUT /api/admin/oauth/google': () => json(app({ client_id: 'id-2', secret_set: true })),
      'DELETE /api/admin/oauth/google': () => new Response(null, { status: 204 }),
      'GET /api/datasources': () => json([]),
    });
    const { user } = renderApp(<OAuthAppsSection />);
    const card = await screen.findByTestId('oauth-app-google');
    const secret = within(card).getByLabelText('Client secret');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('placeholder', 'Set — enter a new one to replace it');
    await user.clear(within(card).getByLabelText('Client id'));
    await user.type(within(card).getByLabelText('Client id'), 'id-2');
    await user.click(within(card).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ client_id: 'id-2' }));
    await user.click(within(card).getByRole('button', { name: 'Remove' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Remove the Google OAuth app?' })).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/admin/oauth/google')).toBe(true));
  });

  it('says when the app comes from the environment and offers no Remove', async () => {
    mockFetch({
      'GET /api/auth/me': () => json(alice),
      'GET /api/admin/oauth': () => json([app({ client_id: 'env-id', secret_set: true, from_environment: true })]),
    });
    renderApp(<OAuthAppsSection />);
    const card = await screen.findByTestId('oauth-app-google');
    expect(card).toHaveTextContent('Set on the server by GOOGLE_OAUTH_CLIENT_ID');
    expect(within(card).getByLabelText('Client id')).toHaveValue('env-id');
    expect(within(card).queryByRole('button', { name: 'Remove' })).toBeNull();
  });
});
