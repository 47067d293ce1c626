import { describe, expect, it } from 'vitest';
import { source } from '../test/render';
import { sourceHealth } from './status';

describe('source health', () => {
  it('puts a connection to make again before anything else but a disabled source', () => {
    const reconnect = 'Google refused the saved authorization: reconnect Google.';
    expect(sourceHealth({ ...source('google_workspace', 'Google'), reconnect } as never)).toEqual({
      tone: 'warn',
      label: 'Reconnect needed',
      detail: reconnect,
    });
    expect(sourceHealth({ ...source('google_workspace', 'Google', { enabled: false }), reconnect } as never).label).toBe(
      'Disabled on this server',
    );
    expect(sourceHealth(source('slack', 'Slack')).label).toBe('Connected');
    expect(sourceHealth(source('slack', 'Slack', { configured: false })).label).toBe('Not connected');
  });
});
