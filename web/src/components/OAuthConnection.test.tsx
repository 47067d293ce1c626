import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../test/fetchMock';
import { bob, renderApp, source } from '../test/render';
import type { OAuthDatasource, SourceOAuth } from '../types/oauth';
import { browserNavigation } from '../utils/oauth';
import { SettingsPanel } from './SettingsPanel';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const tokenField = {
  name: 'access_token',
  label: 'Access token',
  type: 'password',
  required: true,
  env_var: null,
  placeholder: null,
  help: null,
};
const googleOAuth: SourceOAuth = { provider: 'google', provider_name: 'Google', ready: true, needs_shop: false };

function google(extra: Partial<OAuthDatasource> = {}): OAuthDatasource {
  return {
    ...source('google_workspace', 'Google Workspace', { configured: false, credential_fields: [tokenField] }),
    connection: 'personal',
    oauth: googleOAuth,
    auth: null,
    reconnect: null,
    ...extra,
  };
}

function open(ds: OAuthDatasource, routes = {}) {
  const mocks = mockFetch({
    'GET /api/auth/me': () => json(bob),
    [`GET /api/credentials/${ds.id}/status`]: () => json({ configured: ds.configured, updated_at: null }),
    'GET /api/datasources': () => json([]),
    ...routes,
  });
  const go = vi.spyOn(browserNavigation, 'go').mockImplementation(() => {});
  const rendered = renderApp(<SettingsPanel datasources={[ds]} initialSource={ds.id} onClose={() => {}} />, { route: '/chat/all' });
  return { ...mocks, ...rendered, go };
}

describe('one-click connections in settings', () => {
  it('offers Connect {Provider}, which leaves for the start endpoint and comes back to this page', async () => {
    const { user, go } = open(google());
    expect(screen.queryByRole('form', { name: /credentials/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Connect Google' }));
    expect(go).toHaveBeenCalledWith('/api/oauth/google_workspace/start?return_to=%2Fchat%2Fall');
  });

  it('keeps pasting a token as a fallback', async () => {
    const { user } = open(google());
    const toggle = screen.getByRole('button', { name: 'Use a token instead' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('form', { name: 'Google Workspace credentials' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Access token/, { selector: 'input' })).toBeInTheDocument();
  });

  it('says an admin has to set up the app when none is configured, with no Connect button', () => {
    open(google({ oauth: { ...googleOAuth, ready: false } }));
    expect(screen.getByTestId('oauth-not-ready')).toHaveTextContent('an admin has to add the Google OAuth app');
    expect(screen.queryByRole('button', { name: 'Connect Google' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Use a token instead' })).toBeInTheDocument();
  });

  it('shows whom a connection acts as, and Disconnect deletes it after a confirmation', async () => {
    const { user, calls } = open(google({ configured: true, auth: 'oauth', identity: 'alice@acme.test' }), {
      'DELETE /api/credentials/google_workspace': () => json({ message: 'Deleted' }),
    });
    expect(screen.getByTestId('oauth-connected')).toHaveTextContent('Connected as alice@acme.test through Google.');
    expect(screen.getByRole('button', { name: 'Reconnect Google' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use a token instead' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Disconnect Google' }));
    const dialog = screen.getByRole('dialog', { name: 'Disconnect Google?' });
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/credentials/google_workspace')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Disconnect Google?' })).toBeNull());
  });

  it('puts the reconnect sentence first and makes Reconnect the main action', async () => {
    const reconnect = 'Google refused the saved authorization: reconnect Google.';
    const { user, go } = open(google({ configured: true, auth: 'oauth', identity: 'alice@acme.test', reconnect }));
    expect(screen.getByTestId('reconnect-needed')).toHaveTextContent(reconnect);
    expect(screen.queryByTestId('oauth-connected')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reconnect Google' }));
    expect(go).toHaveBeenCalledWith('/api/oauth/google_workspace/start?return_to=%2Fchat%2Fall');
  });

  it('asks for the Shopify shop first and refuses one that is not *.myshopify.com', async () => {
    const shopify = {
      ...google({ oauth: { provider: 'shopify', provider_name: 'Shopify', ready: true, needs_shop: true } }),
      id: 'shopify',
      name: 'Shopify',
    };
    const { user, go } = open(shopify);
    const shop = screen.getByLabelText('Your Shopify shop');
    await user.type(shop, 'acme.example.com');
    await user.click(screen.getByRole('button', { name: 'Connect Shopify' }));
    expect(screen.getByText('Enter your shop as your-shop.myshopify.com.')).toBeInTheDocument();
    expect(shop).toHaveAttribute('aria-invalid', 'true');
    expect(go).not.toHaveBeenCalled();
    await user.clear(shop);
    await user.type(shop, 'acme');
    await user.click(screen.getByRole('button', { name: 'Connect Shopify' }));
    expect(go).toHaveBeenCalledWith('/api/oauth/shopify/start?return_to=%2Fchat%2Fall&shop=acme.myshopify.com');
  });

  it('leaves a source the admin shares alone', () => {
    open({ ...google({ configured: true, credential_fields: [] }), connection: 'shared' });
    expect(screen.getByTestId('admin-connected')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Connect Google' })).toBeNull();
  });
});
