// "What You Missed": what happened across connected sources since the last visit, actionable first.
// Streamed: each source's section appears as soon as that source answers, the others show as pending.
import { useState } from 'react';
import { AlertCircle, CheckCircle2, ExternalLink, Loader2, RefreshCw, XCircle } from 'lucide-react';
import { kindLabel } from '../services/digestApi';
import { useDigestStream } from '../hooks/useDigestStream';
import type { Datasource, DigestItem, DigestSection, User } from '../types';
import { formatDuration, timeAgo } from '../utils/format';
import { ChatHeader } from './ChatHeader';
import { EmptyState } from './EmptyState';
import { MarkdownMessage } from './MarkdownMessage';
import { SourceIcon } from './SourceIcon';
import { DigestReconnectList } from './DigestReconnectList';
import { cn } from '../utils/cn';

type Range = 'last_visit' | '24' | '168';

interface Props {
  user: User;
  datasources: Datasource[];
  sourceName: (id: string) => string;
  onOpenSidebar: () => void;
  /** Opens settings, at one source when given. */
  onOpenSettings: (source?: string) => void;
}

function Item({ item, showSource, sourceName }: { item: DigestItem; showSource?: boolean; sourceName: (id: string) => string }) {
  const title = item.url ? (
    <a
      href={item.url}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-300"
    >
      {item.title}
      <ExternalLink className="ml-1 inline size-3.5 align-[-2px] text-zinc-400" aria-label="(opens in a new tab)" />
    </a>
  ) : (
    <span className="font-medium text-zinc-900 dark:text-zinc-100">{item.title}</span>
  );
  return (
    <li className="flex gap-3 px-4 py-3" data-testid="digest-item" data-kind={item.kind} data-actionable={item.actionable}>
      {showSource ? (
        <SourceIcon id={item.source} size="sm" />
      ) : item.actionable ? (
        <AlertCircle className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-label="Needs action" />
      ) : (
        <span className="mt-2 size-1.5 shrink-0 rounded-full bg-zinc-300 dark:bg-zinc-600" aria-hidden />
      )}
      <div className="min-w-0 flex-1">
        <div className="text-sm">{title}</div>
        {item.summary ? <p className="mt-0.5 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{item.summary}</p> : null}
        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            {kindLabel(item.kind)}
          </span>
          {item.priority === 'high' ? (
            <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-800 dark:bg-red-500/15 dark:text-red-300">
              High priority
            </span>
          ) : null}
          {showSource ? <span>{sourceName(item.source)}</span> : null}
          {item.author ? <span>{item.author}</span> : null}
          {item.timestamp ? (
            <time dateTime={item.timestamp} title={item.timestamp}>
              {timeAgo(item.timestamp)}
            </time>
          ) : null}
        </div>
      </div>
    </li>
  );
}

/** One chip per source: reading, answered (with its count and time) or failed. */
function SourceProgress({
  pending,
  sections,
  sourceName,
}: {
  pending: string[];
  sections: DigestSection[];
  sourceName: (id: string) => string;
}) {
  if (pending.length === 0 && sections.length === 0) return null;
  return (
    <ul aria-label="Source progress" className="flex flex-wrap gap-2">
      {sections.map((s) => (
        <li
          key={s.source}
          data-testid={`digest-source-${s.source}`}
          data-state={s.error ? 'failed' : 'done'}
          className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 px-2.5 py-1 text-xs dark:border-zinc-800"
        >
          {s.error ? (
            <XCircle className="size-3.5 text-red-600 dark:text-red-400" aria-label="Failed" />
          ) : (
            <CheckCircle2 className="size-3.5 text-emerald-600 dark:text-emerald-400" aria-label="Read" />
          )}
          <span className="font-medium">{sourceName(s.source)}</span>
          <span className="text-zinc-500 dark:text-zinc-400">
            {s.error ? 'failed' : `${s.items.length}`}
            {s.durationMs !== undefined ? ` · ${formatDuration(s.durationMs)}` : ''}
          </span>
        </li>
      ))}
      {pending.map((id) => (
        <li
          key={id}
          data-testid={`digest-source-${id}`}
          data-state="reading"
          className={cn(
            'inline-flex items-center gap-1.5 rounded-full border border-dashed border-zinc-300 px-2.5',
            'py-1 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400',
          )}
        >
          <Loader2 className="size-3.5 animate-spin" aria-hidden />
          <span>{sourceName(id)}</span>
          <span className="sr-only">reading…</span>
        </li>
      ))}
    </ul>
  );
}

function Section({ section, sourceName }: { section: DigestSection; sourceName: (id: string) => string }) {
  const actionable = section.items.filter((i) => i.actionable).length;
  const rest = section.items.filter((i) => !i.actionable);
  return (
    <section
      aria-labelledby={`digest-${section.source}`}
      data-testid="digest-section"
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2
        id={`digest-${section.source}`}
        className="flex items-center gap-2 border-b border-zinc-100 px-4 py-2.5 text-sm font-semibold dark:border-zinc-800"
      >
        <SourceIcon id={section.source} size="sm" />
        {section.title || sourceName(section.source)}
        <span className="ml-auto text-xs font-normal text-zinc-500 dark:text-zinc-400">
          {section.items.length} update{section.items.length === 1 ? '' : 's'}
          {actionable ? ` · ${actionable} above` : ''}
        </span>
      </h2>
      {section.error ? (
        <p role="alert" className="px-4 py-3 text-sm text-red-700 dark:text-red-400">
          {section.error}
        </p>
      ) : null}
      {/* Actionable items are already listed above under "Needs your attention". */}
      {!section.error && rest.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">{section.items.length ? 'Nothing else new.' : 'Nothing new.'}</p>
      ) : null}
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {rest.map((i) => (
          <Item key={i.id} item={i} sourceName={sourceName} />
        ))}
      </ul>
    </section>
  );
}

export function WhatYouMissedDashboard({ user, datasources, sourceName, onOpenSidebar, onOpenSettings }: Props) {
  const [range, setRange] = useState<Range>(user.previous_login ? 'last_visit' : '24');
  // "Since last visit" leaves the window to the server, which knows the previous login.
  const { view, refresh } = useDigestStream(range === 'last_visit' ? {} : { hours: Number(range) });

  const configured = datasources.filter((d) => d.configured && d.enabled);
  const loading = view.status === 'loading';
  const actionable = view.sections.flatMap((s) => s.items.filter((i) => i.actionable));
  const total = view.sections.reduce((n, s) => n + s.items.length, 0);
  const subtitle =
    view.status === 'done'
      ? `${total} update${total === 1 ? '' : 's'}` +
        (actionable.length ? ` · ${actionable.length} need${actionable.length === 1 ? 's' : ''} action` : '') +
        (view.since ? ` · since ${timeAgo(view.since)}` : '')
      : loading
        ? 'Reading your sources…'
        : 'Catch up on your sources';

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatHeader
        onOpenSidebar={onOpenSidebar}
        icon={<SourceIcon id="what_you_missed" />}
        title="What You Missed"
        subtitle={subtitle}
        actions={
          <div className="flex items-center gap-1.5">
            <label htmlFor="digest-range" className="sr-only">
              Period
            </label>
            <select
              id="digest-range"
              value={range}
              onChange={(e) => setRange(e.target.value as Range)}
              className="rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            >
              {user.previous_login ? <option value="last_visit">Since last visit</option> : null}
              <option value="24">Last 24 hours</option>
              <option value="168">Last 7 days</option>
            </select>
            <button
              type="button"
              onClick={refresh}
              disabled={loading}
              aria-label="Refresh"
              title="Read every source again"
              className={cn(
                'inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100',
                'disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800',
              )}
            >
              <RefreshCw className={`size-4.5 ${loading ? 'animate-spin' : ''}`} aria-hidden />
            </button>
          </div>
        }
      />
      {configured.length === 0 ? (
        <EmptyState
          icon={<SourceIcon id="what_you_missed" size="lg" />}
          title="Nothing to catch up on yet"
          description={
            'Connect a source and Mosaic will summarise what happened while you were away: ' +
            'mentions, assigned issues, review requests, orders and more.'
          }
          action={
            <button
              type="button"
              onClick={() => onOpenSettings()}
              className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
            >
              Connect sources
            </button>
          }
        />
      ) : (
        <div className="min-h-0 flex-1 overflow-y-auto" aria-busy={loading}>
          <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-6 sm:px-6">
            <SourceProgress pending={view.pending} sections={view.sections} sourceName={sourceName} />
            {view.status === 'error' ? (
              <p role="alert" className="rounded-xl bg-red-50 p-4 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200">
                {view.error}
              </p>
            ) : null}
            {loading && view.sections.length === 0 ? (
              <div role="status" aria-label="Loading digest" className="space-y-3">
                {[0, 1, 2].map((i) => (
                  <div key={i} className="h-20 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-800/60" />
                ))}
              </div>
            ) : null}
            {view.digest?.reconnect.length ? (
              <DigestReconnectList items={view.digest.reconnect} datasources={datasources} onOpenSettings={onOpenSettings} />
            ) : null}
            {view.digest?.summary ? (
              <div
                data-testid="digest-summary"
                className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
              >
                <MarkdownMessage content={view.digest.summary} />
              </div>
            ) : null}
            {view.status === 'done' && total === 0 && !view.sections.some((s) => s.error) ? (
              <p className="py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">
                You're all caught up. Nothing new in this period.
              </p>
            ) : null}
            {actionable.length > 0 ? (
              <section
                aria-labelledby="digest-action"
                data-testid="digest-actionable"
                className="overflow-hidden rounded-xl border border-amber-300 bg-amber-50/60 dark:border-amber-500/30 dark:bg-amber-500/5"
              >
                <h2
                  id="digest-action"
                  className="flex items-center gap-2 px-4 pt-3 text-sm font-semibold text-amber-900 dark:text-amber-200"
                >
                  <AlertCircle className="size-4" aria-hidden />
                  Needs your attention
                </h2>
                <ul className="divide-y divide-amber-200/70 dark:divide-amber-500/10">
                  {actionable.map((i) => (
                    <Item key={`a-${i.source}-${i.id}`} item={i} showSource sourceName={sourceName} />
                  ))}
                </ul>
              </section>
            ) : null}
            {view.sections.map((s) => (
              <Section key={s.source} section={s} sourceName={sourceName} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
