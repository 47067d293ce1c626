// Shown when nothing is selected: a greeting and a way into every source.
import { ArrowRight } from 'lucide-react';
import type { Datasource, User } from '../types';
import { ALL_SOURCES, WHAT_YOU_MISSED } from '../utils/sources';
import { sourceHealth, TONE_DOT } from '../utils/status';
import { ChatHeader } from './ChatHeader';
import { SourceIcon } from './SourceIcon';
import { cn } from '../utils/cn';

interface Props {
  user: User;
  datasources: Datasource[];
  onSelect: (id: string) => void;
  onOpenSettings: () => void;
  onOpenSidebar: () => void;
}

function greeting(): string {
  const h = new Date().getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

export function HomeView({ user, datasources, onSelect, onOpenSettings, onOpenSidebar }: Props) {
  const configured = datasources.filter((d) => d.configured && d.enabled).length;
  const first = (user.name || '').split(' ')[0];
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatHeader onOpenSidebar={onOpenSidebar} title="Home" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
          <h2 className="text-2xl font-semibold tracking-tight sm:text-3xl">
            {greeting()}
            {first ? `, ${first}` : ''}.
          </h2>
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            {configured === 0
              ? 'Connect your first source to start asking questions.'
              : `You have ${configured} connected source${configured === 1 ? '' : 's'}. Ask one of them, or all at once.`}
          </p>

          <div className="mt-8 grid gap-3 sm:grid-cols-2">
            <button
              type="button"
              onClick={() => onSelect(ALL_SOURCES)}
              className={cn(
                'group rounded-2xl border border-zinc-200 bg-gradient-to-br from-indigo-50 to-white p-5',
                'text-left transition hover:border-indigo-300 dark:border-zinc-800 dark:from-indigo-500/10',
                'dark:to-zinc-900 dark:hover:border-indigo-500/40',
              )}
            >
              <SourceIcon id={ALL_SOURCES} size="lg" />
              <h3 className="mt-3 font-semibold">Ask across all sources</h3>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                Mosaic picks the relevant sources and combines what they say, with attribution.
              </p>
            </button>
            <button
              type="button"
              onClick={() => onSelect(WHAT_YOU_MISSED)}
              className={cn(
                'group rounded-2xl border border-zinc-200 bg-gradient-to-br from-amber-50 to-white p-5',
                'text-left transition hover:border-amber-300 dark:border-zinc-800 dark:from-amber-500/10',
                'dark:to-zinc-900 dark:hover:border-amber-500/40',
              )}
            >
              <SourceIcon id={WHAT_YOU_MISSED} size="lg" />
              <h3 className="mt-3 font-semibold">What You Missed</h3>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                A digest of what happened while you were away, actionable items first.
              </p>
            </button>
          </div>

          <div className="mt-8 flex items-center justify-between">
            <h3 className="text-sm font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Sources</h3>
            <button
              type="button"
              onClick={onOpenSettings}
              className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-300"
            >
              Manage connections
            </button>
          </div>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {datasources.map((d) => {
              const h = sourceHealth(d);
              return (
                <li key={d.id}>
                  <button
                    type="button"
                    onClick={() => onSelect(d.id)}
                    className={cn(
                      'group flex w-full items-center gap-3 rounded-xl border border-zinc-200 bg-white p-3',
                      'text-left transition hover:border-zinc-300 hover:shadow-sm dark:border-zinc-800',
                      'dark:bg-zinc-900 dark:hover:border-zinc-700',
                    )}
                  >
                    <SourceIcon id={d.id} icon={d.icon} />
                    <span className="min-w-0 flex-1">
                      <span className="block text-sm font-medium">{d.name}</span>
                      <span className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                        <span className={`size-1.5 rounded-full ${TONE_DOT[h.tone]}`} aria-hidden />
                        {h.label}
                      </span>
                    </span>
                    <ArrowRight className="size-4 text-zinc-400 transition group-hover:translate-x-0.5" aria-hidden />
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </div>
  );
}
