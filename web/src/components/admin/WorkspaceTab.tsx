// Admin › Workspace: who may join (anyone, by invitation only, or anyone with an email at listed domains).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import { adminApi } from '../../services/adminApi';
import { ApiError } from '../../services/http';
import { queryKeys } from '../../services/queryKeys';
import type { SignupMode } from '../../types/admin';
import { cn } from '../../utils/cn';
import { alertClass, buttonPrimary, cardClass, inputClass, labelClass, noticeClass } from '../ui/styles';

const MODES: { value: SignupMode; label: string; help: string }[] = [
  { value: 'open', label: 'Anyone', help: 'Anyone who can reach this server can create an account.' },
  { value: 'invite', label: 'Invitation only', help: 'People join only with an invitation link from an admin.' },
  { value: 'domain', label: 'Email domains', help: 'Anyone with an email address at one of the domains below, or with an invitation.' },
];

/** "acme.com, acme.co.uk\nexample.org" → ["acme.com", "acme.co.uk", "example.org"] */
export function parseDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
        .filter(Boolean),
    ),
  ];
}

export function WorkspaceTab() {
  const id = useId();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.admin.workspace, queryFn: adminApi.workspace });
  const [mode, setMode] = useState<SignupMode>('invite');
  const [domains, setDomains] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  useEffect(() => {
    if (!settings.data) return;
    setMode(settings.data.signup);
    setDomains(settings.data.signup_domains.join(', '));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => adminApi.updateWorkspace({ signup: mode, signup_domains: parseDomains(domains) }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.admin.workspace, saved),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    if (mode === 'domain' && parseDomains(domains).length === 0) {
      setLocalError('Add at least one email domain, like acme.com.');
      document.getElementById(`${id}-domains`)?.focus();
      return;
    }
    save.mutate();
  };
  const fieldErrors = save.error instanceof ApiError ? Object.values(save.error.errors).flat() : [];

  if (settings.isError)
    return (
      <p role="alert" className={alertClass}>
        Could not load the workspace settings: {(settings.error as Error).message}
      </p>
    );
  if (!settings.data) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>;
  return (
    <form onSubmit={submit} aria-label="Workspace settings" className="max-w-2xl space-y-4">
      <fieldset className={cn(cardClass, 'space-y-3')}>
        <legend className="px-1 text-base font-semibold">Who may join</legend>
        {MODES.map((m) => (
          <div key={m.value} className="flex items-start gap-3">
            <input
              id={`${id}-${m.value}`}
              type="radio"
              name={`${id}-signup`}
              value={m.value}
              checked={mode === m.value}
              onChange={() => setMode(m.value)}
              aria-describedby={`${id}-${m.value}-help`}
              className="mt-1 size-4 text-indigo-600 focus:ring-indigo-500"
            />
            <div>
              <label htmlFor={`${id}-${m.value}`} className={labelClass}>
                {m.label}
              </label>
              <p id={`${id}-${m.value}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
                {m.help}
              </p>
            </div>
          </div>
        ))}
        {mode === 'domain' ? (
          <div className="pl-7">
            <label htmlFor={`${id}-domains`} className={labelClass}>
              Email domains
            </label>
            <input
              id={`${id}-domains`}
              value={domains}
              onChange={(e) => setDomains(e.target.value)}
              placeholder="acme.com, acme.co.uk"
              aria-invalid={!!localError}
              aria-describedby={`${id}-domains-help`}
              className={cn(inputClass, 'mt-1')}
            />
            <p id={`${id}-domains-help`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              Separate several with commas.
            </p>
          </div>
        ) : null}
      </fieldset>
      {localError || save.isError ? (
        <p role="alert" className={alertClass}>
          {localError ?? (fieldErrors.length ? fieldErrors.join(' ') : (save.error as Error).message)}
        </p>
      ) : null}
      {save.isSuccess && !localError ? (
        <p role="status" className={noticeClass}>
          Saved.
        </p>
      ) : null}
      <button type="submit" disabled={save.isPending} className={buttonPrimary}>
        {save.isPending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
        Save
      </button>
    </form>
  );
}
