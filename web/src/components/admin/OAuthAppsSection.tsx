// Admin › Workspace › OAuth apps: per provider, the app that Connect uses (client id, whether a secret is set — never
// the secret), where it comes from (the environment or saved here), the exact redirect URLs to register at the
// provider, and the scopes Mosaic asks for. How to create each app: docs/oauth.md.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRound, Loader2, Trash2 } from 'lucide-react';
import { adminApi } from '../../services/adminApi';
import { queryKeys } from '../../services/queryKeys';
import type { OAuthApp } from '../../types/oauth';
import { cn } from '../../utils/cn';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CopyButton } from '../ui/CopyButton';
import {
  alertClass,
  BADGE_TONE,
  badgeClass,
  buttonDanger,
  buttonPrimary,
  cardClass,
  inputClass,
  labelClass,
  noticeClass,
} from '../ui/styles';

/** "configured" when Connect can work, else what is missing. */
export function appState(app: OAuthApp): { label: string; tone: keyof typeof BADGE_TONE } {
  if (app.client_id && app.secret_set) return { label: app.from_environment ? 'Set in the environment' : 'Configured', tone: 'good' };
  if (app.client_id) return { label: 'Secret missing', tone: 'warn' };
  return { label: 'Not set up', tone: 'neutral' };
}

/** Where the docs say how to create the app: a web link when the server gives one, else the path in Mosaic's docs. */
function DocsRef({ docs }: { docs: string }) {
  if (/^https?:\/\//i.test(docs))
    return (
      <a href={docs} target="_blank" rel="noopener noreferrer" className="font-medium text-indigo-700 underline dark:text-indigo-300">
        How to create the app
      </a>
    );
  return (
    <span>
      How to create the app: <code className="text-xs">{docs}</code> in Mosaic's documentation.
    </span>
  );
}

function OAuthAppCard({ app }: { app: OAuthApp }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [clientId, setClientId] = useState(app.client_id ?? '');
  const [secret, setSecret] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.admin.oauthApps }),
      queryClient.invalidateQueries({ queryKey: queryKeys.datasources }), // `ready` on each source
    ]);
  const save = useMutation({
    mutationFn: () => adminApi.saveOAuthApp(app.provider, { client_id: clientId.trim(), ...(secret ? { client_secret: secret } : {}) }),
    onSuccess: () => {
      setSecret(''); // don't keep the secret around once it is stored
      return refresh();
    },
  });
  // A saved row exists when the app has an id that does not come from the environment.
  const saved = !app.from_environment && !!app.client_id;
  const state = appState(app);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    if (!clientId.trim()) return setLocalError('Enter the client id from the provider.');
    if (!secret && !(app.secret_set && saved)) return setLocalError('Enter the client secret from the provider.');
    save.mutate();
  };

  return (
    <section aria-labelledby={`${id}-name`} className={cn(cardClass, 'space-y-4')} data-testid={`oauth-app-${app.provider}`}>
      <div className="flex flex-wrap items-center gap-2">
        <KeyRound className="size-4 text-zinc-500" aria-hidden />
        <h4 id={`${id}-name`} className="flex-1 text-sm font-semibold text-zinc-900 dark:text-zinc-50">
          {app.name}
        </h4>
        <span className={cn(badgeClass, BADGE_TONE[state.tone])}>{state.label}</span>
      </div>
      {app.from_environment ? (
        <p className={noticeClass}>
          Set on the server by {app.provider.toUpperCase()}_OAUTH_CLIENT_ID and _SECRET. Saving an app here replaces it; removing the saved
          app goes back to the environment.
        </p>
      ) : null}

      <form onSubmit={submit} noValidate aria-label={`${app.name} OAuth app`} className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-client`} className={labelClass}>
            Client id
          </label>
          <input
            id={`${id}-client`}
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            className={cn(inputClass, 'mt-1')}
          />
        </div>
        <div>
          <label htmlFor={`${id}-secret`} className={labelClass}>
            Client secret
          </label>
          <input
            id={`${id}-secret`}
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            placeholder={app.secret_set ? 'Set — enter a new one to replace it' : ''}
            autoComplete="new-password"
            spellCheck={false}
            className={cn(inputClass, 'mt-1')}
          />
        </div>
        {localError || save.isError ? (
          <p role="alert" className={cn(alertClass, 'sm:col-span-2')}>
            {localError ?? (save.error as Error).message}
          </p>
        ) : null}
        {save.isSuccess && !localError ? (
          <p role="status" className={cn(noticeClass, 'sm:col-span-2')}>
            Saved. Members can now press Connect {app.name}.
          </p>
        ) : null}
        <div className="flex items-center gap-2 sm:col-span-2">
          <button type="submit" disabled={save.isPending} className={buttonPrimary}>
            {save.isPending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            Save
          </button>
          {saved ? (
            <button type="button" onClick={() => setConfirm(true)} className={cn(buttonDanger, 'ml-auto')}>
              <Trash2 className="size-4" aria-hidden />
              Remove
            </button>
          ) : null}
        </div>
      </form>

      <div className="space-y-2">
        <h5 className={labelClass}>Redirect URL to register at {app.name}</h5>
        {app.redirect_urls.map((url) => (
          <div key={url} className="flex items-center gap-2">
            <input
              readOnly
              value={url}
              aria-label={`Redirect URL for ${app.name}`}
              onFocus={(e) => e.target.select()}
              className={cn(inputClass, 'font-mono text-xs')}
            />
            <CopyButton text={url} label="Copy" />
          </div>
        ))}
      </div>
      {app.scopes.length ? (
        <div>
          <h5 className={labelClass}>Scopes Mosaic asks for</h5>
          <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`${app.name} scopes`}>
            {app.scopes.map((s) => (
              <li key={s} className={cn(badgeClass, BADGE_TONE.neutral, 'font-mono')}>
                {s}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <DocsRef docs={app.docs} />
      </p>

      {confirm ? (
        <ConfirmDialog
          title={`Remove the ${app.name} OAuth app?`}
          confirmLabel="Remove"
          danger
          onConfirm={async () => {
            await adminApi.deleteOAuthApp(app.provider);
            setClientId('');
            await refresh();
          }}
          onClose={() => setConfirm(false)}
        >
          Connect {app.name} stops working for new connections. Connections already made keep their tokens until they need a refresh.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

export function OAuthAppsSection() {
  const apps = useQuery({ queryKey: queryKeys.admin.oauthApps, queryFn: adminApi.oauthApps });
  return (
    <section aria-labelledby="oauth-apps" className="space-y-3" data-testid="oauth-apps">
      <div>
        <h3 id="oauth-apps" className="text-base font-semibold">
          OAuth apps
        </h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          With an app for a provider, members connect it with one click (Connect) instead of pasting tokens. Create the app at the provider
          with the redirect URL shown, then enter its client id and secret. The secret is stored encrypted and never shown again.
        </p>
      </div>
      {apps.isError ? (
        <p role="alert" className={alertClass}>
          Could not load the OAuth apps: {(apps.error as Error).message}
        </p>
      ) : !apps.data ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>
      ) : (
        apps.data.map((app) => <OAuthAppCard key={`${app.provider}-${app.client_id ?? ''}`} app={app} />)
      )}
    </section>
  );
}
