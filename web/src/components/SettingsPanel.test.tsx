import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../test/fetchMock';
import { bob, renderApp, source } from '../test/render';
import { SettingsPanel } from './SettingsPanel';

afterEach(() => vi.unstubAllGlobals());

const tokenField = {
  name: 'slack_bot_token',
  label: 'Bot token',
  type: 'password',
  required: true,
  env_var: null,
  placeholder: null,
  help: null,
};

describe('SettingsPanel', () => {
  it('shows a shared source with nothing to enter as connected by the admin, and tests it', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(bob),
      'GET /api/credentials/mysql/status': () => json({ configured: true, updated_at: null }),
      'POST /api/datasources/mysql/test': () => json({ success: true, identity: 'reporter@db.internal', message: null, duration_ms: 12 }),
    });
    const mysql = { ...source('mysql', 'MySQL'), connection: 'shared' as const, identity: null };
    const { user } = renderApp(<SettingsPanel datasources={[mysql]} initialSource="mysql" onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(within(dialog).getByTestId('admin-connected')).toHaveTextContent('Connected by your admin');
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    expect(await within(dialog).findByTestId('test-result')).toHaveTextContent('Connected as reporter@db.internal.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
  });

  it('tests a personal source with the saved credentials and shows the stored identity', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/me': () => json(bob),
      'GET /api/credentials/slack/status': () => json({ configured: true, updated_at: new Date().toISOString() }),
      'POST /api/datasources/slack/test': () =>
        json({ success: true, identity: 'Alice Chen (U01ALICE)', message: 'Found 12 channels.', duration_ms: 30 }),
      'GET /api/datasources': () => json([]),
    });
    const slack = {
      ...source('slack', 'Slack', { credential_fields: [tokenField] }),
      connection: 'personal' as const,
      identity: 'Alice Chen',
    };
    const { user } = renderApp(<SettingsPanel datasources={[slack]} initialSource="slack" onClose={() => {}} />);
    expect(screen.getByTestId('configured-banner')).toHaveTextContent('Connected as Alice Chen');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByTestId('test-result')).toHaveTextContent('Connected as Alice Chen (U01ALICE). Found 12 channels.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
  });
});
