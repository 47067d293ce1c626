import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toDigest } from '../services/digestApi';
import { source } from '../test/render';
import type { OAuthDatasource } from '../types/oauth';
import { browserNavigation } from '../utils/oauth';
import { ConnectPrompts } from './ConnectPrompt';
import { DigestReconnectList } from './DigestReconnectList';

afterEach(() => vi.restoreAllMocks());

const oauth = (provider: string, name: string, needs_shop = false) => ({ provider, provider_name: name, ready: true, needs_shop });
const google: OAuthDatasource = { ...source('google_workspace', 'Google Workspace'), oauth: oauth('google', 'Google') };
const shopify: OAuthDatasource = { ...source('shopify', 'Shopify'), oauth: oauth('shopify', 'Shopify', true) };

describe('reconnect in the digest', () => {
  it('reads the reconnect list from the digest and drops entries without a source', () => {
    const digest = toDigest({
      sections: [],
      reconnect: [
        { datasource: 'google_workspace', name: 'Google', message: 'Reconnect Google to see your mail.' },
        { datasource: 'jira', name: 'Jira' },
        { name: 'no source' },
      ],
    });
    expect(digest.reconnect).toEqual([
      { datasource: 'google_workspace', name: 'Google', message: 'Reconnect Google to see your mail.' },
      { datasource: 'jira', name: 'Jira', message: 'Reconnect Jira to see what is new there.' },
    ]);
    expect(toDigest({}).reconnect).toEqual([]);
  });

  it('goes straight to the provider, or to settings when the shop must be named first', async () => {
    const go = vi.spyOn(browserNavigation, 'go').mockImplementation(() => {});
    const onOpenSettings = vi.fn();
    const items = [
      { datasource: 'google_workspace', name: 'Google', message: 'Reconnect Google to see your mail.' },
      { datasource: 'shopify', name: 'Shopify', message: 'Reconnect Shopify to see your orders.' },
    ];
    render(<DigestReconnectList items={items} datasources={[google, shopify]} onOpenSettings={onOpenSettings} />);
    expect(screen.getByRole('heading', { name: 'Reconnect needed' })).toBeInTheDocument();
    expect(screen.getByText('Reconnect Google to see your mail.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reconnect Google' }));
    expect(go).toHaveBeenCalledWith('/api/oauth/google_workspace/start?return_to=%2Fmissed');
    await userEvent.click(screen.getByRole('button', { name: 'Reconnect Shopify' }));
    expect(onOpenSettings).toHaveBeenCalledWith('shopify');
    expect(go).toHaveBeenCalledTimes(1);
  });
});

describe("the chat's connect prompt", () => {
  it('offers Connect {name} that comes back to the conversation', async () => {
    const go = vi.spyOn(browserNavigation, 'go').mockImplementation(() => {});
    const prompts = [{ datasource: 'acme_docs', name: 'Acme Docs', reason: 'Acme Docs asks you to sign in before it answers.' }];
    render(<ConnectPrompts prompts={prompts} returnTo="/chat/all/s-1" />);
    expect(screen.getByTestId('connect-prompt-acme_docs')).toHaveTextContent('Acme Docs asks you to sign in before it answers.');
    await userEvent.click(screen.getByRole('button', { name: 'Connect Acme Docs' }));
    expect(go).toHaveBeenCalledWith('/api/oauth/acme_docs/start?return_to=%2Fchat%2Fall%2Fs-1');
  });
});
