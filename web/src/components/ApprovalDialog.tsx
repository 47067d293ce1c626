// A write tool wants to run: show exactly what it will do and let the person decide.
import { useEffect, useRef, useState } from 'react';
import { ShieldAlert } from 'lucide-react';
import type { PendingApproval } from '../types';
import { formatArguments, humanizeTool } from '../utils/format';
import { Modal } from './ui/Modal';
import { cn } from '../utils/cn';

/** "Expires in 4:32": the server gives up waiting at expires_at and the tool does not run. */
function Expiry({ at }: { at: string }) {
  const end = Date.parse(at);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (Number.isNaN(end)) return null;
  const left = Math.max(0, Math.round((end - now) / 1000));
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="off">
      {left > 0
        ? `Expires in ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} — unanswered requests are denied.`
        : 'This request has expired; the action will not run.'}
    </p>
  );
}

interface Props {
  approval: PendingApproval;
  sourceName?: string;
  busy?: boolean;
  error?: string | null;
  onDecide: (approved: boolean) => void;
}

export function ApprovalDialog({ approval, sourceName, busy, error, onDecide }: Props) {
  const denyRef = useRef<HTMLButtonElement>(null);
  const args = formatArguments(approval.arguments);
  return (
    <Modal
      title={
        <span className="flex items-center gap-2">
          <ShieldAlert className="size-5 text-amber-500" aria-hidden />
          Approve this action?
        </span>
      }
      description={
        `Mosaic wants to run a tool that changes data${sourceName ? ` in ${sourceName}` : ''}. ` + 'Nothing happens unless you approve.'
      }
      onClose={() => {
        if (!busy) onDecide(false);
      }}
      initialFocus={denyRef}
    >
      <div className="space-y-3 overflow-y-auto px-5 py-4">
        <div>
          <div className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Tool</div>
          <div className="mt-0.5 font-mono text-sm text-zinc-900 dark:text-zinc-100" data-testid="approval-tool">
            {approval.tool}
          </div>
          <div className="text-sm text-zinc-600 dark:text-zinc-400">{approval.description ?? humanizeTool(approval.tool)}</div>
        </div>
        <div>
          <div className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Arguments</div>
          {args ? (
            <pre
              data-testid="approval-arguments"
              className={cn(
                'mt-1 max-h-64 overflow-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs leading-relaxed',
                'text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200',
              )}
            >
              {args}
            </pre>
          ) : (
            <p className="mt-1 text-sm text-zinc-500">No arguments.</p>
          )}
        </div>
        {approval.expiresAt ? <Expiry at={approval.expiresAt} /> : null}
        {error ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col-reverse gap-2 border-t border-zinc-200 px-5 py-3 sm:flex-row sm:justify-end dark:border-zinc-800">
        <button
          ref={denyRef}
          type="button"
          disabled={busy}
          onClick={() => onDecide(false)}
          className={cn(
            'rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium text-zinc-800',
            'hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200',
            'dark:hover:bg-zinc-800',
          )}
        >
          Deny
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => onDecide(true)}
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {busy ? 'Sending…' : 'Approve'}
        </button>
      </div>
    </Modal>
  );
}
