// What happened behind an answer: the plan (sources and confidence), each source's progress and
// every tool call with its timing and result. Open while working; folds away when done.
import { useEffect, useRef, useState } from 'react';
import { Check, ChevronRight, Circle, Hand, Loader2, ShieldX, X } from 'lucide-react';
import type { ChatMessage, SourceProgressStatus, ToolStatus } from '../types';
import { argumentsPreview, formatArguments, formatDuration, humanizeTool } from '../utils/format';
import { SourceIcon } from './SourceIcon';
import { cn } from '../utils/cn';

function StatusIcon({ status }: { status: ToolStatus | SourceProgressStatus }) {
  switch (status) {
    case 'running':
      return <Loader2 className="size-4 animate-spin text-indigo-500" aria-label="Running" />;
    case 'success':
      return <Check className="size-4 text-emerald-600 dark:text-emerald-400" aria-label="Succeeded" />;
    case 'error':
    case 'failed':
      return <X className="size-4 text-red-600 dark:text-red-400" aria-label="Failed" />;
    case 'awaiting_approval':
      return <Hand className="size-4 text-amber-600 dark:text-amber-400" aria-label="Waiting for your approval" />;
    case 'denied':
      return <ShieldX className="size-4 text-zinc-500" aria-label="Denied" />;
    case 'expired':
      return <ShieldX className="size-4 text-zinc-500" aria-label="Approval expired" />;
    default:
      return <Circle className="size-3.5 text-zinc-400" aria-label="Planned" />;
  }
}

function summary(msg: ChatMessage): string {
  const parts: string[] = [];
  const sources = msg.plan?.sources ?? [];
  if (sources.length) parts.push(`${sources.length} source${sources.length === 1 ? '' : 's'}`);
  if (msg.tools.length) parts.push(`${msg.tools.length} tool call${msg.tools.length === 1 ? '' : 's'}`);
  const ms = msg.metadata?.duration_ms;
  if (typeof ms === 'number') parts.push(formatDuration(ms));
  return parts.join(' · ');
}

interface Props {
  message: ChatMessage;
  sourceName: (id: string) => string;
}

export function AgentActivityPanel({ message, sourceName }: Props) {
  const streaming = message.status === 'streaming';
  const [open, setOpen] = useState(streaming);
  const touched = useRef(false);
  const [expandedTool, setExpandedTool] = useState<string | null>(null);

  useEffect(() => {
    if (!touched.current) setOpen(streaming);
  }, [streaming]);

  const sources = message.plan?.sources ?? [];
  if (sources.length === 0 && message.tools.length === 0) return null;
  const done = sources.filter((s) => s.status === 'success' || s.status === 'failed').length;

  return (
    <section
      aria-label="Activity"
      className="mb-3 rounded-xl border border-zinc-200 bg-zinc-50/70 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={() => {
          touched.current = true;
          setOpen((o) => !o);
        }}
        className={cn(
          'flex w-full items-center gap-2 rounded-xl px-3 py-2 text-left text-zinc-600',
          'hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
        )}
      >
        <ChevronRight className={`size-4 shrink-0 transition-transform ${open ? 'rotate-90' : ''}`} aria-hidden />
        {streaming ? <Loader2 className="size-4 shrink-0 animate-spin text-indigo-500" aria-hidden /> : null}
        <span className="font-medium">
          {streaming ? (sources.length ? `Working · ${done} of ${sources.length} sources done` : 'Working') : 'Activity'}
        </span>
        <span className="truncate text-zinc-500 dark:text-zinc-500">{summary(message)}</span>
      </button>

      {open ? (
        <div className="space-y-3 border-t border-zinc-200 px-3 py-3 dark:border-zinc-800">
          {sources.length > 0 ? (
            <div>
              <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Plan</h4>
              {message.plan?.reasoning ? <p className="mb-2 text-zinc-600 dark:text-zinc-400">{message.plan.reasoning}</p> : null}
              <ul className="space-y-1.5">
                {sources.map((s) => (
                  <li key={s.source} data-testid={`plan-source-${s.source}`} data-state={s.status} className="flex items-start gap-2.5">
                    <span className="mt-0.5">
                      <StatusIcon status={s.status} />
                    </span>
                    <SourceIcon id={s.source} size="sm" />
                    <div className="min-w-0 flex-1">
                      <div className="flex flex-wrap items-center gap-x-2">
                        <span className="font-medium text-zinc-800 dark:text-zinc-200">{sourceName(s.source)}</span>
                        {typeof s.confidence === 'number' ? (
                          <span
                            className="inline-flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400"
                            title="How relevant the planner judged this source"
                          >
                            <span className="h-1.5 w-12 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700" aria-hidden>
                              <span
                                className="block h-full rounded-full bg-indigo-500"
                                style={{ width: `${Math.round(Math.min(1, Math.max(0, s.confidence)) * 100)}%` }}
                              />
                            </span>
                            {Math.round(s.confidence * 100)}% confidence
                          </span>
                        ) : null}
                        {s.durationMs !== undefined ? (
                          <span className="text-xs tabular-nums text-zinc-500">{formatDuration(s.durationMs)}</span>
                        ) : null}
                      </div>
                      {s.reasoning ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{s.reasoning}</p> : null}
                      {s.error ? <p className="text-xs text-red-600 dark:text-red-400">{s.error}</p> : null}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {message.tools.length > 0 ? (
            <div>
              <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Tool calls</h4>
              <ul className="space-y-1">
                {message.tools.map((t) => {
                  const args = formatArguments(t.arguments);
                  const expanded = expandedTool === t.id;
                  return (
                    <li key={t.id}>
                      <button
                        type="button"
                        disabled={!args && !t.error}
                        aria-expanded={args || t.error ? expanded : undefined}
                        onClick={() => setExpandedTool(expanded ? null : t.id)}
                        className={cn(
                          'flex w-full items-center gap-2 rounded-md px-1 py-0.5 text-left enabled:hover:bg-zinc-100',
                          'dark:enabled:hover:bg-zinc-800',
                        )}
                      >
                        <StatusIcon status={t.status} />
                        <span className="font-mono text-[13px] text-zinc-800 dark:text-zinc-200" title={t.tool}>
                          {humanizeTool(t.tool)}
                        </span>
                        {t.source ? (
                          <span className="rounded bg-zinc-200/70 px-1.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
                            {sourceName(t.source)}
                          </span>
                        ) : null}
                        <span className="min-w-0 flex-1 truncate font-mono text-xs text-zinc-500">{argumentsPreview(t.arguments)}</span>
                        <span className="shrink-0 text-xs tabular-nums text-zinc-500">
                          {t.status === 'awaiting_approval'
                            ? 'needs approval'
                            : t.status === 'denied'
                              ? 'denied'
                              : t.status === 'expired'
                                ? 'not answered in time'
                                : `${t.fromCache ? 'cached · ' : ''}${formatDuration(t.durationMs)}`}
                        </span>
                      </button>
                      {expanded ? (
                        <div className="ml-6 mt-1 space-y-1">
                          {args ? (
                            <pre
                              className={cn(
                                'max-h-48 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs text-zinc-700',
                                'dark:bg-zinc-800 dark:text-zinc-300',
                              )}
                            >
                              {args}
                            </pre>
                          ) : null}
                          {t.error ? <p className="text-xs text-red-600 dark:text-red-400">{t.error}</p> : null}
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
