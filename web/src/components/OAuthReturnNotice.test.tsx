import { screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../test/fetchMock';
import { bob, renderApp, source } from '../test/render';
import type { OAuthDatasource } from '../types/oauth';
import { OAuthReturnNotice } from './OAuthReturnNotice';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function Where() {
  const l = useLocation();
  return <p data-testid="where">{`${l.pathname}${l.search}`}</p>;
}

const google: OAuthDatasource = {
  ...source('google_workspace', 'Google Workspace'),
  identity: 'alice@acme.test',
  oauth: { provider: 'google', provider_name: 'Google', ready: true, needs_shop: false },
};

function at(route: string) {
  const { calls } = mockFetch({ 'GET /api/auth/me': () => json(bob) });
  const invalidate = vi.spyOn(QueryClient.prototype, 'invalidateQueries');
  const rendered = renderApp(
    <>
      <OAuthReturnNotice datasources={[google]} />
      <Where />
    </>,
    { route },
  );
  return { ...rendered, calls, invalidate };
}

describe('back from the provider', () => {
  it("says whom the new connection acts as and cleans the address bar, keeping the page's own parameters", async () => {
    const { invalidate } = at('/chat/all?x=1&oauth=connected&source=google_workspace');
    expect(await screen.findByRole('status')).toHaveTextContent('Connected Google as alice@acme.test.');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['datasources'] });
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(/^\/chat\/all\?x=1$/));
  });

  it('words a failure itself and never shows an injected message', async () => {
    at('/missed?oauth=error&source=google_workspace&reason=state&message=Call+555-0100+to+unlock+your+account');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That sign-in to Google expired or was already used');
    expect(screen.getByTestId('oauth-return').textContent).not.toMatch(/555|unlock/);
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(/^\/missed\?message=/));
  });

  it("shows the provider's error code and can be dismissed", async () => {
    const { user } = at('/?oauth=error&source=google_workspace&reason=provider&code=invalid_client');
    expect(await screen.findByRole('alert')).toHaveTextContent('Google refused the connection (Google said: invalid_client).');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows nothing on an ordinary page', () => {
    const { invalidate } = at('/chat/all?source=google_workspace&reason=denied');
    expect(screen.queryByTestId('oauth-return')).toBeNull();
    expect(invalidate).not.toHaveBeenCalled();
    expect(screen.getByTestId('where')).toHaveTextContent('/chat/all?source=google_workspace&reason=denied');
  });
});
