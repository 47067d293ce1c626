// "What You Missed": what happened across connected sources since the last visit, actionable first.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertCircle, ExternalLink, RefreshCw } from 'lucide-react';
import { ApiError } from '../services/http';
import { fetchDigest, type DigestQuery } from '../services/digestApi';
import type { Datasource, DigestItem, User } from '../types';
import { timeAgo } from '../utils/format';
import { ChatHeader } from './ChatHeader';
import { EmptyState } from './EmptyState';
import { MarkdownMessage } from './MarkdownMessage';
import { SourceIcon } from './SourceIcon';

type Range = 'last_visit' | '24' | '168';

interface Props {
  user: User;
  datasources: Datasource[];
  sourceName: (id: string) => string;
  onOpenSidebar: () => void;
  onOpenSettings: () => void;
}

function Item({ item, showSource, sourceName }: { item: DigestItem; showSource?: boolean; sourceName: (id: string) => string }) {
  const title = item.url ? (
    <a href={item.url} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-300">
      {item.title}<ExternalLink className="ml-1 inline size-3.5 align-[-2px] text-zinc-400" aria-label="(opens in a new tab)" />
    </a>
  ) : <span className="font-medium text-zinc-900 dark:text-zinc-100">{item.title}</span>;
  return (
    <li className="flex gap-3 px-4 py-3">
      {showSource ? <SourceIcon id={item.source} size="sm" /> : item.actionable ? <AlertCircle className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-label="Needs action" /> : <span className="mt-2 size-1.5 shrink-0 rounded-full bg-zinc-300 dark:bg-zinc-600" aria-hidden />}
      <div className="min-w-0 flex-1">
        <div className="text-sm">{title}</div>
        {item.summary ? <p className="mt-0.5 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{item.summary}</p> : null}
        <div className="mt-1 flex flex-wrap gap-x-2 text-xs text-zinc-500">
          {showSource ? <span>{sourceName(item.source)}</span> : null}
          {item.author ? <span>{item.author}</span> : null}
          {item.timestamp ? <time dateTime={item.timestamp}>{timeAgo(item.timestamp)}</time> : null}
          {item.priority ? <span className="rounded bg-zinc-100 px-1.5 dark:bg-zinc-800">{item.priority}</span> : null}
        </div>
      </div>
    </li>
  );
}

export function WhatYouMissedDashboard({ user, datasources, sourceName, onOpenSidebar, onOpenSettings }: Props) {
  const queryClient = useQueryClient();
  const [range, setRange] = useState<Range>(user.previous_login ? 'last_visit' : '24');
  const query: DigestQuery = range === 'last_visit' && user.previous_login ? { since: user.previous_login } : { hours: range === 'last_visit' ? 24 : Number(range) };
  const digest = useQuery({ queryKey: ['digest', query], queryFn: ({ signal }) => fetchDigest(query, signal), retry: false, staleTime: 5 * 60_000 });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | null>(null);

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      queryClient.setQueryData(['digest', query], await fetchDigest({ ...query, refresh: true }));
    } catch (err) {
      setRefreshError(err instanceof Error ? err.message : 'Could not refresh.');
    } finally {
      setRefreshing(false);
    }
  };

  const configured = datasources.filter((d) => d.configured && d.enabled);
  const data = digest.data;
  const actionable = (data?.sections ?? []).flatMap((s) => s.items.filter((i) => i.actionable));
  const total = (data?.sections ?? []).reduce((n, s) => n + s.items.length, 0);
  const unavailable = digest.error instanceof ApiError && digest.error.status === 404;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatHeader
        onOpenSidebar={onOpenSidebar}
        icon={<SourceIcon id="what_you_missed" />}
        title="What You Missed"
        subtitle={data ? `${total} update${total === 1 ? '' : 's'}${actionable.length ? ` · ${actionable.length} need${actionable.length === 1 ? 's' : ''} action` : ''}` : 'Catch up on your sources'}
        actions={
          <div className="flex items-center gap-1.5">
            <label htmlFor="digest-range" className="sr-only">Period</label>
            <select id="digest-range" value={range} onChange={(e) => setRange(e.target.value as Range)}
              className="rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
              {user.previous_login ? <option value="last_visit">Since last visit</option> : null}
              <option value="24">Last 24 hours</option>
              <option value="168">Last 7 days</option>
            </select>
            <button type="button" onClick={refresh} disabled={refreshing || digest.isFetching} aria-label="Refresh"
              className="inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800">
              <RefreshCw className={`size-4.5 ${refreshing || digest.isFetching ? 'animate-spin' : ''}`} aria-hidden />
            </button>
          </div>
        }
      />
      {configured.length === 0 ? (
        <EmptyState icon={<SourceIcon id="what_you_missed" size="lg" />} title="Nothing to catch up on yet"
          description="Connect a source and Mosaic will summarise what happened while you were away: mentions, assigned issues, review requests, orders and more."
          action={<button type="button" onClick={onOpenSettings} className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">Connect sources</button>} />
      ) : (
        <div className="min-h-0 flex-1 overflow-y-auto">
          <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-6 sm:px-6">
            {refreshError ? <p role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200">Refresh failed: {refreshError}</p> : null}
            {digest.isLoading || refreshing ? (
              <div role="status" aria-label="Loading digest" className="space-y-3">
                {[0, 1, 2].map((i) => <div key={i} className="h-20 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-800/60" />)}
              </div>
            ) : unavailable ? (
              <p className="rounded-xl border border-zinc-200 p-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">What You Missed is not available on this server yet.</p>
            ) : digest.isError ? (
              <p role="alert" className="rounded-xl bg-red-50 p-4 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200">{(digest.error as Error).message}</p>
            ) : data ? (
              <>
                {data.summary ? <div className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"><MarkdownMessage content={data.summary} /></div> : null}
                {total === 0 && !data.summary ? <p className="py-10 text-center text-sm text-zinc-500">You're all caught up. Nothing new in this period.</p> : null}
                {actionable.length > 0 ? (
                  <section aria-labelledby="digest-action" className="overflow-hidden rounded-xl border border-amber-300 bg-amber-50/60 dark:border-amber-500/30 dark:bg-amber-500/5">
                    <h2 id="digest-action" className="flex items-center gap-2 px-4 pt-3 text-sm font-semibold text-amber-900 dark:text-amber-200"><AlertCircle className="size-4" aria-hidden />Needs your attention</h2>
                    <ul className="divide-y divide-amber-200/70 dark:divide-amber-500/10">{actionable.map((i) => <Item key={`a-${i.source}-${i.id}`} item={i} showSource sourceName={sourceName} />)}</ul>
                  </section>
                ) : null}
                {data.sections.map((s) => (
                  <section key={s.source} aria-labelledby={`digest-${s.source}`} className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
                    <h2 id={`digest-${s.source}`} className="flex items-center gap-2 border-b border-zinc-100 px-4 py-2.5 text-sm font-semibold dark:border-zinc-800">
                      <SourceIcon id={s.source} size="sm" />{s.title ?? sourceName(s.source)}
                      <span className="ml-auto text-xs font-normal text-zinc-500">
                        {s.items.length} update{s.items.length === 1 ? '' : 's'}{s.items.some((i) => i.actionable) ? ` · ${s.items.filter((i) => i.actionable).length} above` : ''}
                      </span>
                    </h2>
                    {s.summary ? <p className="px-4 pt-3 text-sm text-zinc-700 dark:text-zinc-300">{s.summary}</p> : null}
                    {s.error ? <p className="px-4 py-3 text-sm text-red-600 dark:text-red-400">{s.error}</p> : null}
                    {/* Actionable items are already listed above under "Needs your attention". */}
                    {s.items.every((i) => i.actionable) && !s.error && !s.summary ? (
                      <p className="px-4 py-3 text-sm text-zinc-500">{s.items.length ? 'Nothing else new.' : 'Nothing new.'}</p>
                    ) : null}
                    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">{s.items.filter((i) => !i.actionable).map((i) => <Item key={i.id} item={i} sourceName={sourceName} />)}</ul>
                  </section>
                ))}
              </>
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}
