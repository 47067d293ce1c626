import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { alice, renderApp } from '../../test/render';
import { parseDomains, WorkspaceTab } from './WorkspaceTab';

afterEach(() => vi.unstubAllGlobals());

describe('WorkspaceTab', () => {
  it('parses domains from commas, spaces and @', () => {
    expect(parseDomains(' @Acme.com, acme.co.uk\nacme.com ')).toEqual(['acme.com', 'acme.co.uk']);
  });

  it('shows the current policy and saves domain sign-up with its domains', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(alice),
      'GET /api/admin/workspace': () => json({ signup: 'invite', signup_domains: [] }),
      'PATCH /api/admin/workspace': (c) => json(c.body),
    });
    const { user } = renderApp(<WorkspaceTab />);
    expect(await screen.findByLabelText('Invitation only')).toBeChecked();
    await user.click(screen.getByLabelText('Email domains', { selector: 'input[type=radio]' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Add at least one email domain');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await user.type(screen.getByLabelText('Email domains', { selector: 'input:not([type=radio])' }), 'acme.com, acme.io');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ signup: 'domain', signup_domains: ['acme.com', 'acme.io'] }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
  });
});
