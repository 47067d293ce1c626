import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThemeProvider } from '../contexts/ThemeContext';
import { json, mockFetch } from '../test/fetchMock';
import { source } from '../test/render';
import type { OAuthDatasource } from '../types/oauth';
import { browserNavigation } from '../utils/oauth';
import { ChatInterface } from './ChatInterface';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const oauth = { provider: 'google', provider_name: 'Google', ready: true, needs_shop: false };

function renderChat(ds: OAuthDatasource, onOpenSettings = vi.fn()) {
  mockFetch({ 'GET /api/chat/providers': () => json({ provider: 'offline', model: null, offline: true }) });
  const go = vi.spyOn(browserNavigation, 'go').mockImplementation(() => {});
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ThemeProvider>
        <ChatInterface
          datasource={ds.id}
          datasources={[ds]}
          sourceName={() => ds.name}
          onNewChat={() => {}}
          onOpenSettings={onOpenSettings}
          onOpenSidebar={() => {}}
        />
      </ThemeProvider>
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), go, onOpenSettings };
}

describe('connecting from a chat', () => {
  it('goes straight to the provider from an unconnected source, or to the token form', async () => {
    const google = { ...source('google_workspace', 'Google Workspace', { configured: false }), oauth };
    const { user, go, onOpenSettings } = renderChat(google);
    await user.click(screen.getByRole('button', { name: 'Connect Google' }));
    expect(go).toHaveBeenCalledWith('/api/oauth/google_workspace/start?return_to=%2Fchat%2Fgoogle_workspace');
    await user.click(screen.getByRole('button', { name: 'Use a token instead' }));
    expect(onOpenSettings).toHaveBeenCalledWith('google_workspace');
  });

  it('opens settings when the app is not set up or the shop must be named first', async () => {
    const shopify = {
      ...source('shopify', 'Shopify', { configured: false }),
      oauth: { ...oauth, provider_name: 'Shopify', needs_shop: true },
    };
    const { user, go, onOpenSettings } = renderChat(shopify);
    await user.click(screen.getByRole('button', { name: 'Connect Shopify' }));
    expect(onOpenSettings).toHaveBeenCalledWith('shopify');
    expect(go).not.toHaveBeenCalled();
  });

  it('offers Reconnect above the input when the saved connection stopped working', async () => {
    const reconnect = 'Google refused the saved authorization: reconnect Google.';
    const google = { ...source('google_workspace', 'Google Workspace'), oauth, auth: 'oauth' as const, reconnect };
    const { user, go } = renderChat(google);
    expect(screen.getByTestId('chat-reconnect')).toHaveTextContent(reconnect);
    await user.click(screen.getByRole('button', { name: 'Reconnect Google' }));
    expect(go).toHaveBeenCalledWith('/api/oauth/google_workspace/start?return_to=%2Fchat%2Fgoogle_workspace');
  });
});
