// Navigation: all sources, each source with its state, What You Missed, history, account.
import { useEffect } from 'react';
import { Bell, History, LogOut, Settings, Shield, SquarePen, X } from 'lucide-react';
import type { Datasource } from '../types';
import type { WorkspaceUser } from '../types/admin';
import type { OAuthDatasource } from '../types/oauth';
import { ACTIVITY, ADMIN, ALL_SOURCES, WHAT_YOU_MISSED } from '../utils/sources';
import { sourceHealth, TONE_DOT } from '../utils/status';
import { SessionHistory } from './SessionHistory';
import { SourceIcon } from './SourceIcon';
import { cn } from '../utils/cn';
import { BADGE_TONE, badgeClass } from './ui/styles';

interface Props {
  user: WorkspaceUser;
  datasources: Datasource[];
  loading: boolean;
  error?: string;
  selected?: string;
  activeSessionId?: string;
  open: boolean;
  onClose: () => void;
  onSelect: (id: string) => void;
  onNewChat: () => void;
  onOpenSession: (sessionId: string, datasource: string) => void;
  onSessionDeleted: (sessionId: string) => void;
  onOpenSettings: (source?: string) => void;
  onLogout: () => void;
  sourceName: (id: string) => string;
}

function NavButton({
  active,
  onClick,
  children,
  testId,
}: {
  active: boolean;
  onClick: () => void;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-current={active ? 'page' : undefined}
      data-testid={testId}
      className={cn(
        'flex w-full items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-left text-sm',
        'transition-colors',
        active
          ? 'bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50'
          : 'text-zinc-700 hover:bg-zinc-200/50 dark:text-zinc-300 dark:hover:bg-zinc-800/60',
      )}
    >
      {children}
    </button>
  );
}

export function DataSourceSidebar(p: Props) {
  const { open, onClose } = p;
  // On phones the sidebar is a drawer: Escape closes it.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);
  const initials = (p.user.name || p.user.email)
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((s) => s[0]?.toUpperCase())
    .join('');
  return (
    <>
      {p.open ? <div className="fixed inset-0 z-30 bg-zinc-950/40 lg:hidden" aria-hidden onClick={p.onClose} /> : null}
      <aside
        aria-label="Sidebar"
        className={cn(
          'fixed inset-y-0 left-0 z-40 flex w-72 max-w-[85vw] flex-col border-r border-zinc-200',
          'bg-zinc-50 transition-transform duration-200 lg:static lg:translate-x-0',
          'dark:border-zinc-800 dark:bg-zinc-900',
          p.open ? 'translate-x-0' : 'invisible -translate-x-full lg:visible',
        )}
      >
        <div className="flex h-14 shrink-0 items-center gap-2 px-4">
          <img src="/mosaic.svg" alt="" className="size-7" />
          <span className="flex-1 text-base font-semibold tracking-tight">Mosaic</span>
          <button
            type="button"
            onClick={p.onNewChat}
            aria-label="New chat"
            title="New chat"
            className={cn(
              'inline-flex size-8 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-200',
              'dark:text-zinc-300 dark:hover:bg-zinc-800',
            )}
          >
            <SquarePen className="size-4.5" aria-hidden />
          </button>
          <button
            type="button"
            onClick={p.onClose}
            aria-label="Close sidebar"
            className={cn(
              'inline-flex size-8 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-200',
              'lg:hidden dark:text-zinc-300 dark:hover:bg-zinc-800',
            )}
          >
            <X className="size-5" aria-hidden />
          </button>
        </div>

        <nav aria-label="Sources" className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
          <ul className="space-y-0.5">
            <li>
              <NavButton active={p.selected === ALL_SOURCES} onClick={() => p.onSelect(ALL_SOURCES)} testId="nav-all">
                <SourceIcon id={ALL_SOURCES} size="sm" />
                <span className="flex-1">All sources</span>
              </NavButton>
            </li>
            <li>
              <NavButton active={p.selected === WHAT_YOU_MISSED} onClick={() => p.onSelect(WHAT_YOU_MISSED)} testId="nav-digest">
                <span className="inline-flex size-5 items-center justify-center rounded bg-amber-600 text-white" aria-hidden>
                  <Bell className="size-3" />
                </span>
                <span className="flex-1">What You Missed</span>
              </NavButton>
            </li>
            <li>
              <NavButton active={p.selected === ACTIVITY} onClick={() => p.onSelect(ACTIVITY)} testId="nav-activity">
                <History className="size-5 p-0.5 text-zinc-600 dark:text-zinc-300" aria-hidden />
                <span className="flex-1">My activity</span>
              </NavButton>
            </li>
            {p.user.role === 'admin' ? (
              <li>
                <NavButton active={p.selected === ADMIN} onClick={() => p.onSelect(ADMIN)} testId="nav-admin">
                  <Shield className="size-5 p-0.5 text-zinc-600 dark:text-zinc-300" aria-hidden />
                  <span className="flex-1">Admin</span>
                </NavButton>
              </li>
            ) : null}
          </ul>

          <h2 className="mt-4 px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Sources</h2>
          {p.loading ? <p className="px-3 py-1 text-sm text-zinc-500">Loading sources…</p> : null}
          {p.error ? (
            <p role="alert" className="px-3 py-1 text-sm text-red-600 dark:text-red-400">
              {p.error}
            </p>
          ) : null}
          <ul className="space-y-0.5">
            {p.datasources.map((d) => {
              const h = sourceHealth(d);
              return (
                <li key={d.id}>
                  <NavButton active={p.selected === d.id} onClick={() => p.onSelect(d.id)} testId={`nav-source-${d.id}`}>
                    <SourceIcon id={d.id} icon={d.icon} size="sm" />
                    <span className={`flex-1 truncate ${d.enabled ? '' : 'text-zinc-400 dark:text-zinc-500'}`}>{d.name}</span>
                    {(d as OAuthDatasource).reconnect && d.enabled ? (
                      <span className={cn(badgeClass, BADGE_TONE.warn)} aria-hidden data-testid={`reconnect-badge-${d.id}`}>
                        Reconnect
                      </span>
                    ) : null}
                    <span
                      className={`size-2 shrink-0 rounded-full ${TONE_DOT[h.tone]}`}
                      title={h.detail ? `${h.label}: ${h.detail}` : h.label}
                    />
                    <span className="sr-only">({h.label})</span>
                  </NavButton>
                </li>
              );
            })}
          </ul>

          <SessionHistory
            activeSessionId={p.activeSessionId}
            onOpen={p.onOpenSession}
            onDeleted={p.onSessionDeleted}
            sourceName={p.sourceName}
          />
        </nav>

        <div className="shrink-0 border-t border-zinc-200 p-2 dark:border-zinc-800">
          <div className="flex items-center gap-2 px-2 py-1.5">
            <span
              className={cn(
                'inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-xs',
                'font-semibold text-indigo-800 dark:bg-indigo-500/20 dark:text-indigo-200',
              )}
              aria-hidden
            >
              {initials}
            </span>
            <div className="min-w-0 flex-1">
              <div className="truncate text-sm font-medium">{p.user.name || p.user.email}</div>
              {p.user.name ? <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">{p.user.email}</div> : null}
            </div>
            <button
              type="button"
              onClick={() => p.onOpenSettings()}
              aria-label="Settings"
              title="Settings"
              data-testid="open-settings"
              className={cn(
                'inline-flex size-8 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-200',
                'dark:text-zinc-300 dark:hover:bg-zinc-800',
              )}
            >
              <Settings className="size-4.5" aria-hidden />
            </button>
            <button
              type="button"
              onClick={p.onLogout}
              aria-label="Sign out"
              title="Sign out"
              data-testid="logout"
              className={cn(
                'inline-flex size-8 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-200',
                'dark:text-zinc-300 dark:hover:bg-zinc-800',
              )}
            >
              <LogOut className="size-4.5" aria-hidden />
            </button>
          </div>
        </div>
      </aside>
    </>
  );
}
