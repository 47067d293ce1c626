import type { Datasource } from '../types';

export type HealthTone = 'ok' | 'warn' | 'error' | 'off' | 'disabled';

export interface SourceHealth {
  tone: HealthTone;
  label: string;
  detail?: string;
}

/** Combines configured / enabled / live health and circuit-breaker state into one badge. */
export function sourceHealth(ds: Datasource): SourceHealth {
  if (!ds.enabled) return { tone: 'disabled', label: 'Disabled on this server' };
  if (!ds.configured) return { tone: 'off', label: 'Not connected' };
  const status =
    typeof ds.status === 'string'
      ? { breaker: undefined, healthy: ds.status !== 'unhealthy' && ds.status !== 'error', last_error: undefined, state: ds.status }
      : (ds.status ?? {});
  const breaker = (ds.breaker ?? (status as { breaker?: string }).breaker ?? '').toLowerCase();
  const lastError = (status as { last_error?: string | null }).last_error ?? undefined;
  if (breaker === 'open')
    return {
      tone: 'error',
      label: 'Paused after repeated errors',
      detail: lastError ?? 'Mosaic stopped calling this source for a moment; it retries automatically.',
    };
  if (breaker === 'half_open' || breaker === 'half-open') return { tone: 'warn', label: 'Recovering', detail: lastError };
  if ((status as { healthy?: boolean }).healthy === false) return { tone: 'error', label: 'Unhealthy', detail: lastError };
  return { tone: 'ok', label: 'Connected' };
}

export const TONE_DOT: Record<HealthTone, string> = {
  ok: 'bg-emerald-500',
  warn: 'bg-amber-500',
  error: 'bg-red-500',
  off: 'border border-zinc-400 bg-transparent dark:border-zinc-500',
  disabled: 'bg-zinc-300 dark:bg-zinc-700',
};
