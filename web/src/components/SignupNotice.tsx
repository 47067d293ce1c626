// What the sign-up form needs to know before anyone types: who may join (GET /api/auth/signup-policy) and, for an
// invitation link (/signup?invite=…), what the invitation offers (GET /api/auth/invites/{token}).
import { useQuery } from '@tanstack/react-query';
import { MailCheck, ShieldAlert } from 'lucide-react';
import { signupApi } from '../services/adminApi';
import { ApiError } from '../services/http';
import { queryKeys } from '../services/queryKeys';
import type { InvitePreview, SignupPolicy } from '../types/admin';
import { cn } from '../utils/cn';

export interface SignupInfo {
  policy?: SignupPolicy;
  invite?: InvitePreview;
  /** The invitation link is unknown, used, revoked or expired. */
  inviteInvalid: boolean;
  /** Nobody can sign up here without a (valid) invitation. */
  closed: boolean;
}

export function useSignupInfo(active: boolean, token?: string): SignupInfo {
  const policy = useQuery({ queryKey: queryKeys.signupPolicy, queryFn: signupApi.policy, enabled: active, retry: false });
  const invite = useQuery({
    queryKey: queryKeys.invitePreview(token ?? ''),
    queryFn: () => signupApi.invite(token!),
    enabled: active && !!token,
    retry: false,
  });
  const inviteInvalid = !!token && invite.isError && invite.error instanceof ApiError && invite.error.status === 404;
  const closed = !!policy.data?.invite_required && (!token || inviteInvalid);
  return { policy: policy.data, invite: invite.data, inviteInvalid, closed };
}

const box = 'flex gap-2 rounded-lg px-3 py-2.5 text-sm';

export function SignupNotice({ info }: { info: SignupInfo }) {
  if (info.invite)
    return (
      <div role="status" className={cn(box, 'bg-indigo-50 text-indigo-900 dark:bg-indigo-500/10 dark:text-indigo-200')}>
        <MailCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          You are invited to join as {info.invite.role === 'admin' ? 'an admin' : 'a member'}
          {info.invite.email ? ` with ${info.invite.email}` : ''}. Choose a password to create your account.
        </p>
      </div>
    );
  if (info.inviteInvalid || info.closed)
    return (
      <div role="alert" className={cn(box, 'bg-amber-50 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200')}>
        <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          {info.inviteInvalid ? 'This invitation link is not valid any more: it was used, revoked or has expired. ' : ''}
          {info.closed ? 'This workspace is invitation-only: ask one of its admins for an invitation link.' : ''}
        </p>
      </div>
    );
  if (info.policy?.signup === 'domain')
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Sign up with your work email: only addresses at{' '}
        {info.policy.signup_domains?.length ? info.policy.signup_domains.join(', ') : 'this workspace’s domains'} can join without an
        invitation.
      </p>
    );
  return null;
}
