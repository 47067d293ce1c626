import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider, useAuth } from '../contexts/AuthContext';
import { json, mockFetch } from '../test/fetchMock';
import { LoginPage } from './LoginPage';

afterEach(() => vi.unstubAllGlobals());

function Who() {
  const { user } = useAuth();
  return <p data-testid="who">{user ? `signed in as ${user.email}` : 'signed out'}</p>;
}

function renderLogin(at = '/login') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[at]}>
        <AuthProvider>
          <LoginPage />
          <Who />
        </AuthProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const me = { id: 'u1', email: 'ana@acme.test', name: 'Ana' };

describe('LoginPage', () => {
  it('signs in with email and password', async () => {
    let signedIn = false;
    const { calls } = mockFetch({
      'GET /api/auth/me': () => (signedIn ? json(me) : json({ title: 'Unauthorized' }, 401)),
      'POST /api/auth/login': () => {
        signedIn = true;
        return json({ message: 'Login successful', user: me });
      },
    });
    const user = renderLogin();
    await user.type(screen.getByLabelText('Email'), 'ana@acme.test');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('who')).toHaveTextContent('signed in as ana@acme.test'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'ana@acme.test', password: 'correct horse' });
  });

  it('validates inline before calling the server', async () => {
    const { calls } = mockFetch({ 'GET /api/auth/me': () => json({}, 401) });
    const user = renderLogin();
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/valid email address/);
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows a wrong password inline and explains lockout after repeated failures', async () => {
    mockFetch({
      'GET /api/auth/me': () => json({}, 401),
      'POST /api/auth/login': () => json({ title: 'Login failed', detail: 'Invalid email or password.', status: 401 }, 401),
    });
    const user = renderLogin();
    await user.type(screen.getByLabelText('Email'), 'ana@acme.test');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password.');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/lock the account for a few minutes/));
    expect(screen.getByTestId('who')).toHaveTextContent('signed out');
  });

  it('explains a locked account with the wait time', async () => {
    mockFetch({
      'GET /api/auth/me': () => json({}, 401),
      'POST /api/auth/login': () => json({ title: 'Account locked', status: 423 }, 423, { 'Retry-After': '600' }),
    });
    const user = renderLogin();
    await user.type(screen.getByLabelText('Email'), 'ana@acme.test');
    await user.type(screen.getByLabelText('Password'), 'whatever1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'temporarily locked after too many failed sign-in attempts. Try again in 10 minutes.',
    );
  });

  it('signs up, showing server field errors and a duplicate email next to the fields', async () => {
    let attempt = 0;
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json({}, 401),
      'POST /api/auth/signup': () =>
        ++attempt === 1
          ? json(
              {
                title: 'Signup details are not valid',
                status: 400,
                errors: { password: ['This password is too common; choose another.'] },
              },
              400,
            )
          : json({ title: 'Email already registered', detail: 'An account with this email already exists.', status: 409 }, 409),
    });
    const user = renderLogin();
    await user.click(screen.getByRole('tab', { name: 'Sign up' }));
    await user.type(screen.getByLabelText('Name'), 'Ana');
    await user.type(screen.getByLabelText('Email'), 'ana@acme.test');
    await user.type(screen.getByLabelText('Password'), 'password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('This password is too common; choose another.')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'ana@acme.test', password: 'password', name: 'Ana' });

    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toHaveTextContent('An account with this email already exists.');
  });

  it('opens /signup?invite= on the sign-up form with the invited email locked, and sends the invitation', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json({}, 401),
      'GET /api/auth/signup-policy': () => json({ signup: 'invite', invite_required: true }),
      'GET /api/auth/invites/tok-1': () => json({ email: 'carol@acme.test', role: 'member', expires_at: '2099-01-01T00:00:00Z' }),
      'POST /api/auth/signup': () => json({ title: 'Forbidden', detail: 'This invitation was revoked by an admin.' }, 403),
    });
    const user = renderLogin('/signup?invite=tok-1');
    expect(await screen.findByText(/You are invited to join as a member with carol@acme.test/)).toBeInTheDocument();
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveValue('carol@acme.test'));
    expect(email).toHaveAttribute('readonly');
    await user.type(screen.getByLabelText('Name'), 'Carol');
    await user.type(screen.getByLabelText('Password'), 'a-long-password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        email: 'carol@acme.test',
        password: 'a-long-password',
        name: 'Carol',
        invite: 'tok-1',
      }),
    );
    // A refused sign-up shows the server's sentence.
    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation was revoked by an admin.');
  });

  it('explains an invitation-only workspace, and a link that is no longer valid', async () => {
    mockFetch({
      'GET /api/auth/me': () => json({}, 401),
      'GET /api/auth/signup-policy': () => json({ signup: 'invite', invite_required: true }),
      'GET /api/auth/invites/old': () => json({ title: 'Not Found', detail: 'No such invitation.' }, 404),
    });
    renderLogin('/signup?invite=old');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This invitation link is not valid any more');
    expect(alert).toHaveTextContent('This workspace is invitation-only');
    expect(screen.getByRole('button', { name: 'Create account' })).toBeDisabled();
  });

  it('lets anyone sign up in an open workspace, without an invitation', async () => {
    mockFetch({
      'GET /api/auth/me': () => json({}, 401),
      'GET /api/auth/signup-policy': () => json({ signup: 'open', invite_required: false }),
    });
    const user = renderLogin('/login');
    await user.click(screen.getByRole('tab', { name: 'Sign up' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create account' })).toBeEnabled());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
