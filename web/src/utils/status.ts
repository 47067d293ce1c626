import type { Datasource } from '../types';
import type { OAuthDatasource } from '../types/oauth';

export type HealthTone = 'ok' | 'warn' | 'error' | 'off' | 'disabled';

export interface SourceHealth {
  tone: HealthTone;
  label: string;
  detail?: string;
}

/** Combines configured / enabled, a connection to make again, and the circuit breaker's state into one badge. */
export function sourceHealth(ds: Datasource): SourceHealth {
  if (!ds.enabled) return { tone: 'disabled', label: 'Disabled on this server' };
  const reconnect = (ds as OAuthDatasource).reconnect;
  if (reconnect) return { tone: 'warn', label: 'Reconnect needed', detail: reconnect };
  if (!ds.configured) return { tone: 'off', label: 'Not connected' };
  const breaker = ds.status?.breaker;
  if (breaker === 'open')
    return {
      tone: 'error',
      label: 'Paused after repeated errors',
      detail: 'Mosaic stopped calling this source for a moment; it retries automatically.',
    };
  if (breaker === 'half_open') return { tone: 'warn', label: 'Recovering' };
  return { tone: 'ok', label: 'Connected' };
}

export const TONE_DOT: Record<HealthTone, string> = {
  ok: 'bg-emerald-500',
  warn: 'bg-amber-500',
  error: 'bg-red-500',
  off: 'border border-zinc-400 bg-transparent dark:border-zinc-500',
  disabled: 'bg-zinc-300 dark:bg-zinc-700',
};
