import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { alice, renderApp } from '../../test/render';
import { InvitesSection } from './InvitesSection';

afterEach(() => vi.unstubAllGlobals());

const later = new Date(Date.now() + 7 * 86_400_000).toISOString();

describe('InvitesSection', () => {
  it('creates an invitation and shows its link once, with Copy', async () => {
    let invites: unknown[] = [];
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(alice),
      'GET /api/admin/invites': () => json({ invites }),
      'POST /api/admin/invites': (c) => {
        invites = [
          { id: 'i1', email: 'carol@acme.test', role: 'admin', created_at: new Date().toISOString(), expires_at: later, status: 'pending' },
        ];
        return json({ id: 'i1', url: 'http://mosaic.test/signup?invite=abc', ...(c.body as object), expires_at: later }, 201);
      },
    });
    const writeText = vi.fn().mockResolvedValue(undefined);
    const { user } = renderApp(<InvitesSection />);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    expect(await screen.findByText('No invitations yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Email/), 'carol@acme.test');
    await user.selectOptions(screen.getByLabelText('Role'), 'admin');
    await user.click(screen.getByRole('button', { name: 'Create invitation' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'carol@acme.test', role: 'admin' });
    const link = await screen.findByLabelText('Invitation link');
    expect(link).toHaveValue('http://mosaic.test/signup?invite=abc');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('http://mosaic.test/signup?invite=abc');
    expect(screen.getByText('Copied to the clipboard.')).toBeInTheDocument();
    // The list shows it as pending, with Revoke.
    const row = await screen.findByTestId('invite');
    expect(within(row).getByText('pending')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Revoke invitation for carol@acme.test' })).toBeInTheDocument();
  });

  it('sends no email for an open invitation, and revokes a pending one', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(alice),
      'GET /api/admin/invites': () =>
        json({
          invites: [
            { id: 'i1', email: null, role: 'member', created_at: later, expires_at: later, status: 'pending' },
            { id: 'i2', email: 'x@acme.test', role: 'member', created_at: later, expires_at: later, status: 'used' },
          ],
        }),
      'POST /api/admin/invites': () =>
        json({ id: 'i3', url: 'http://x/signup?invite=z', email: null, role: 'member', expires_at: later }, 201),
      'DELETE /api/admin/invites/i1': () => new Response(null, { status: 204 }),
    });
    const { user } = renderApp(<InvitesSection />);
    const rows = await screen.findAllByTestId('invite');
    expect(within(rows[1]).queryByRole('button', { name: /Revoke/ })).toBeNull();
    await user.click(within(rows[0]).getByRole('button', { name: 'Revoke invitation for anyone with the link' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/api/admin/invites/i1'))).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Create invitation' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ role: 'member' }));
  });
});
