// Pieces of CredentialForm: the "connected" banner, the connection test's result, and Remove with its confirmation.
import { useState } from 'react';
import { CheckCircle2, Trash2, XCircle } from 'lucide-react';
import { timeAgo } from '../utils/format';
import { cn } from '../utils/cn';

/** What a connection test found (POST /api/datasources/{id}/test). */
export interface TestConnectionResult {
  success: boolean;
  /** Who the credentials act as, e.g. "Alice Chen (alice@acme.test)". */
  identity?: string | null;
  message?: string | null;
  error?: string;
  duration_ms?: number | null;
}

export function ConfiguredBanner({ updatedAt, identity }: { updatedAt?: string | null; identity?: string | null }) {
  return (
    <div
      className={cn(
        'flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2',
        'text-sm text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950/40',
        'dark:text-emerald-200',
      )}
      data-testid="configured-banner"
    >
      <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p>
        {identity ? `Connected as ${identity}` : 'Connected'}
        {updatedAt ? ` · saved ${timeAgo(updatedAt)}` : ''}. Stored secrets are never shown again; to change them, enter a complete new set
        and save.
      </p>
    </div>
  );
}

/** "Connected as Alice Chen (…) — Found 12 channels." or the failure, announced to screen readers. */
export function describeTest(test: TestConnectionResult): string {
  if (!test.success) return test.error ?? test.message ?? 'Connection failed.';
  const who = test.identity ? `Connected as ${test.identity}.` : 'Connection works.';
  return test.message && test.message !== test.identity ? `${who} ${test.message}` : who;
}

export function TestResult({ test }: { test: TestConnectionResult }) {
  return (
    <p
      role="status"
      data-testid="test-result"
      className={cn(
        'flex items-start gap-2 rounded-lg px-3 py-2 text-sm',
        test.success
          ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200'
          : 'bg-red-50 text-red-800 dark:bg-red-950/40 dark:text-red-200',
      )}
    >
      {test.success ? (
        <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
      ) : (
        <XCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
      )}
      {describeTest(test)}
    </p>
  );
}

export function RemoveCredentials({ busy, onRemove }: { busy: boolean; onRemove: () => Promise<boolean> }) {
  const [confirm, setConfirm] = useState(false);
  if (!confirm)
    return (
      <button
        type="button"
        onClick={() => setConfirm(true)}
        disabled={busy}
        className={cn(
          'ml-auto inline-flex items-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium',
          'text-red-700 hover:bg-red-50 disabled:opacity-60 dark:text-red-400',
          'dark:hover:bg-red-950/40',
        )}
      >
        <Trash2 className="size-4" aria-hidden /> Remove
      </button>
    );
  return (
    <span className="ml-auto inline-flex items-center gap-2 text-sm">
      <span className="text-zinc-700 dark:text-zinc-300">Remove saved credentials?</span>
      <button
        type="button"
        onClick={async () => {
          if (await onRemove()) setConfirm(false);
        }}
        disabled={busy}
        className="rounded-lg bg-red-600 px-3 py-1.5 font-semibold text-white hover:bg-red-500 disabled:opacity-60"
      >
        Remove
      </button>
      <button
        type="button"
        onClick={() => setConfirm(false)}
        className="rounded-lg px-3 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Cancel
      </button>
    </span>
  );
}
