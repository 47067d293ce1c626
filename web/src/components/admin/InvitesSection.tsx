// Admin › People › Invitations: create a link (shown once, with Copy), and the list with status and Revoke.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import { adminApi } from '../../services/adminApi';
import { queryKeys } from '../../services/queryKeys';
import type { CreatedInvite, InviteStatus, Role } from '../../types/admin';
import { timeAgo } from '../../utils/format';
import { cn } from '../../utils/cn';
import { CopyButton } from '../ui/CopyButton';
import { alertClass, BADGE_TONE, badgeClass, buttonDanger, buttonPrimary, cardClass, inputClass, labelClass } from '../ui/styles';

const STATUS_TONE: Record<InviteStatus, keyof typeof BADGE_TONE> = { pending: 'info', used: 'good', expired: 'neutral', revoked: 'bad' };

export function InvitesSection() {
  const id = useId();
  const queryClient = useQueryClient();
  const invites = useQuery({ queryKey: queryKeys.admin.invites, queryFn: adminApi.invites });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.invites });
  const create = useMutation({
    mutationFn: () => adminApi.createInvite({ email: email.trim() || undefined, role }),
    onMutate: () => setCreated(null),
    onSuccess: (invite) => {
      setCreated(invite);
      setEmail('');
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: adminApi.revokeInvite, onSettled: refresh });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        Invitations
      </h2>
      <form onSubmit={submit} aria-label="Invite someone" className={cn(cardClass, 'flex flex-wrap items-end gap-3')}>
        <div className="min-w-56 flex-1">
          <label htmlFor={`${id}-email`} className={labelClass}>
            Email <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
          </label>
          <input
            id={`${id}-email`}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="Anyone with the link"
            aria-describedby={`${id}-email-help`}
            className={cn(inputClass, 'mt-1')}
          />
          <p id={`${id}-email-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            With an email, only that address can use the link.
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-role`} className={labelClass}>
            Role
          </label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)} className={cn(inputClass, 'mt-1')}>
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </select>
          <p className="mt-1 text-xs" aria-hidden>
            &nbsp;
          </p>
        </div>
        <div>
          <button type="submit" disabled={create.isPending} className={buttonPrimary}>
            {create.isPending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            Create invitation
          </button>
          <p className="mt-1 text-xs" aria-hidden>
            &nbsp;
          </p>
        </div>
      </form>
      {create.isError ? (
        <p role="alert" className={alertClass}>
          {(create.error as Error).message}
        </p>
      ) : null}
      {created ? (
        <div role="status" className={cn(cardClass, 'space-y-2 border-emerald-300 dark:border-emerald-800')} data-testid="invite-link">
          <p className="text-sm text-zinc-800 dark:text-zinc-200">
            Invitation created{created.email ? ` for ${created.email}` : ''} ({created.role}). Copy the link now: it is shown only once and
            expires {timeAgo(created.expires_at)}.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <input
              readOnly
              value={created.url}
              aria-label="Invitation link"
              onFocus={(e) => e.target.select()}
              className={cn(inputClass, 'min-w-0 flex-1 font-mono text-xs')}
            />
            <CopyButton text={created.url} label="Copy link" />
          </div>
        </div>
      ) : null}
      {revoke.isError ? (
        <p role="alert" className={alertClass}>
          {(revoke.error as Error).message}
        </p>
      ) : null}
      {invites.isError ? (
        <p role="alert" className={alertClass}>
          Could not load invitations: {(invites.error as Error).message}
        </p>
      ) : null}
      {invites.data?.length ? (
        <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {invites.data.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-center gap-2 px-4 py-2.5 text-sm" data-testid="invite">
              <span className="min-w-0 flex-1 truncate">{inv.email ?? 'Anyone with the link'}</span>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{inv.role}</span>
              <span className={cn(badgeClass, BADGE_TONE[STATUS_TONE[inv.status]])}>{inv.status}</span>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {inv.status === 'pending' ? `expires ${timeAgo(inv.expires_at)}` : `created ${timeAgo(inv.created_at)}`}
              </span>
              {inv.status === 'pending' ? (
                <button
                  type="button"
                  className={buttonDanger}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(inv.id)}
                  aria-label={`Revoke invitation for ${inv.email ?? 'anyone with the link'}`}
                >
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : invites.isSuccess ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No invitations yet.</p>
      ) : null}
    </section>
  );
}
