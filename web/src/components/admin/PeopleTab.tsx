// Admin › People: everyone in the workspace with their role and state, and what an admin can do about each.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi } from '../../services/adminApi';
import { queryKeys } from '../../services/queryKeys';
import type { AdminUser } from '../../types/admin';
import { useAuth } from '../../contexts/AuthContext';
import { useSources } from '../../contexts/SourcesContext';
import { timeAgo } from '../../utils/format';
import { cn } from '../../utils/cn';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { alertClass, BADGE_TONE, badgeClass, buttonDanger, buttonSecondary, cardClass, noticeClass } from '../ui/styles';
import { InvitesSection } from './InvitesSection';

type Action = { kind: 'role' | 'disable' | 'unlock' | 'sign-out'; user: AdminUser };

function describe(a: Action): string {
  const who = a.user.name || a.user.email;
  if (a.kind === 'role') return a.user.role === 'admin' ? `${who} is now a member.` : `${who} is now an admin.`;
  if (a.kind === 'disable') return a.user.disabled ? `${who} can sign in again.` : `${who} is disabled and signed out.`;
  if (a.kind === 'unlock') return `${who} is unlocked.`;
  return `${who} is signed out everywhere.`;
}

function run(a: Action): Promise<unknown> {
  if (a.kind === 'role') return adminApi.updateUser(a.user.id, { role: a.user.role === 'admin' ? 'member' : 'admin' });
  if (a.kind === 'disable') return adminApi.updateUser(a.user.id, { disabled: !a.user.disabled });
  if (a.kind === 'unlock') return adminApi.unlock(a.user.id);
  return adminApi.signOut(a.user.id);
}

export function PeopleTab() {
  const queryClient = useQueryClient();
  const { user: me } = useAuth();
  const sources = useSources();
  const sourceName = (id: string) => sources.find((s) => s.id === id)?.name ?? id;
  const users = useQuery({ queryKey: queryKeys.admin.users, queryFn: adminApi.users });
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AdminUser | null>(null);
  const action = useMutation({
    mutationFn: run,
    onMutate: () => setNotice(null),
    onSuccess: (_, a) => setNotice(describe(a)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.users }),
  });

  return (
    <div className="space-y-8">
      <section aria-labelledby="people-heading" className="space-y-3">
        <h2 id="people-heading" className="text-base font-semibold">
          People
        </h2>
        {action.isError ? (
          <p role="alert" className={alertClass}>
            {(action.error as Error).message}
          </p>
        ) : null}
        {notice ? (
          <p role="status" className={noticeClass}>
            {notice}
          </p>
        ) : null}
        {users.isLoading ? <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading people…</p> : null}
        {users.isError ? (
          <p role="alert" className={alertClass}>
            Could not load people: {(users.error as Error).message}
          </p>
        ) : null}
        <ul className="space-y-2">
          {users.data?.map((u) => {
            const self = u.id === me?.id;
            const busy = action.isPending && action.variables?.user.id === u.id;
            return (
              <li key={u.id} className={cardClass} data-testid="person" aria-label={u.name || u.email}>
                <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-zinc-900 dark:text-zinc-50">{u.name || u.email}</span>
                      {self ? <span className="text-xs text-zinc-500 dark:text-zinc-400">(you)</span> : null}
                      <span className={cn(badgeClass, BADGE_TONE[u.role === 'admin' ? 'info' : 'neutral'])}>{u.role}</span>
                      {u.disabled ? <span className={cn(badgeClass, BADGE_TONE.bad)}>disabled</span> : null}
                      {u.locked ? <span className={cn(badgeClass, BADGE_TONE.warn)}>locked</span> : null}
                    </div>
                    {u.name ? <div className="truncate text-sm text-zinc-600 dark:text-zinc-400">{u.email}</div> : null}
                    <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                      Last sign-in: {u.last_login ? timeAgo(u.last_login) : 'never'} · Joined {timeAgo(u.created_at)}
                      {u.locked && u.locked_until ? ` · Locked until ${new Date(u.locked_until).toLocaleTimeString()}` : ''}
                    </div>
                    <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                      Sources: {u.sources_connected.length ? u.sources_connected.map(sourceName).join(', ') : 'none connected'}
                    </div>
                  </div>
                  <div className="flex flex-wrap gap-1.5" role="group" aria-label={`Actions for ${u.name || u.email}`}>
                    <button
                      type="button"
                      className={buttonSecondary}
                      disabled={busy}
                      onClick={() => action.mutate({ kind: 'role', user: u })}
                    >
                      {u.role === 'admin' ? 'Make member' : 'Make admin'}
                    </button>
                    {u.locked ? (
                      <button
                        type="button"
                        className={buttonSecondary}
                        disabled={busy}
                        onClick={() => action.mutate({ kind: 'unlock', user: u })}
                      >
                        Unlock
                      </button>
                    ) : null}
                    {!self ? (
                      <button
                        type="button"
                        className={buttonSecondary}
                        disabled={busy}
                        onClick={() => action.mutate({ kind: 'disable', user: u })}
                      >
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className={buttonSecondary}
                      disabled={busy}
                      onClick={() => action.mutate({ kind: 'sign-out', user: u })}
                    >
                      Sign out everywhere
                    </button>
                    {!self ? (
                      <button type="button" className={buttonDanger} disabled={busy} onClick={() => setDeleting(u)}>
                        Delete
                      </button>
                    ) : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <InvitesSection />
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.name || deleting.email}?`}
          confirmLabel="Delete"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await adminApi.deleteUser(deleting.id);
            setNotice(`${deleting.name || deleting.email} was deleted.`);
            await queryClient.invalidateQueries({ queryKey: queryKeys.admin.users });
          }}
        >
          Their account, chats and saved credentials are removed. The audit log keeps what they did. This cannot be undone.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
