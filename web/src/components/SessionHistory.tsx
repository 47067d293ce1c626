// Past conversations: reopen one, or delete it.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { chatApi } from '../services/api';
import { queryKeys } from '../services/queryKeys';
import { timeAgo } from '../utils/format';
import { SourceIcon } from './SourceIcon';
import { cn } from '../utils/cn';

interface Props {
  activeSessionId?: string;
  onOpen: (sessionId: string, datasource: string) => void;
  onDeleted: (sessionId: string) => void;
  sourceName: (id: string) => string;
}

export function SessionHistory({ activeSessionId, onOpen, onDeleted, sourceName }: Props) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: chatApi.listSessions, retry: false, staleTime: 30_000 });
  const remove = useMutation({
    mutationFn: (id: string) => chatApi.deleteSession(id),
    onSuccess: (_, id) => {
      setConfirming(null);
      onDeleted(id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
  });

  const list = [...(sessions.data ?? [])].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));

  return (
    <section aria-labelledby="history-heading" className="mt-4">
      <h2 id="history-heading" className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        History
      </h2>
      {sessions.isLoading ? <p className="px-3 py-1 text-sm text-zinc-500">Loading…</p> : null}
      {sessions.isError ? <p className="px-3 py-1 text-sm text-zinc-500">History is unavailable right now.</p> : null}
      {sessions.isSuccess && list.length === 0 ? (
        <p className="px-3 py-1 text-sm text-zinc-500">Your conversations will appear here.</p>
      ) : null}
      {remove.isError ? (
        <p role="alert" className="px-3 py-1 text-sm text-red-600 dark:text-red-400">
          {(remove.error as Error).message}
        </p>
      ) : null}
      <ul className="space-y-0.5">
        {list.map((s) => (
          <li key={s.id} className="group relative">
            {confirming === s.id ? (
              <div className="flex items-center gap-1.5 rounded-lg bg-red-50 px-2 py-1.5 text-sm dark:bg-red-950/40">
                <span className="flex-1 truncate text-red-800 dark:text-red-200">Delete this chat?</span>
                <button
                  type="button"
                  onClick={() => remove.mutate(s.id)}
                  disabled={remove.isPending}
                  className="rounded-md bg-red-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-red-500"
                >
                  Delete
                </button>
                <button
                  type="button"
                  onClick={() => setConfirming(null)}
                  className="rounded-md px-2 py-0.5 text-xs text-zinc-700 hover:bg-white dark:text-zinc-300 dark:hover:bg-zinc-800"
                >
                  Cancel
                </button>
              </div>
            ) : (
              <>
                <button
                  type="button"
                  onClick={() => onOpen(s.id, s.datasource)}
                  aria-current={activeSessionId === s.id ? 'true' : undefined}
                  className={cn(
                    'flex w-full items-center gap-2 rounded-lg py-1.5 pl-2.5 pr-9 text-left text-sm',
                    activeSessionId === s.id
                      ? 'bg-zinc-200/70 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50'
                      : 'text-zinc-700 hover:bg-zinc-200/50 dark:text-zinc-300 dark:hover:bg-zinc-800/60',
                  )}
                >
                  <SourceIcon id={s.datasource} size="sm" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate">{s.title || `Chat with ${sourceName(s.datasource)}`}</span>
                    <span className="block text-xs text-zinc-500">{timeAgo(s.updated)}</span>
                  </span>
                </button>
                <button
                  type="button"
                  onClick={() => setConfirming(s.id)}
                  aria-label={`Delete chat “${s.title || sourceName(s.datasource)}”`}
                  className={cn(
                    'absolute right-1 top-1/2 inline-flex size-7 -translate-y-1/2 items-center justify-center',
                    'rounded-md text-zinc-500 opacity-100 hover:bg-zinc-200 hover:text-red-600',
                    'focus:opacity-100 sm:opacity-0 sm:group-hover:opacity-100 dark:hover:bg-zinc-700',
                  )}
                >
                  <Trash2 className="size-4" aria-hidden />
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
