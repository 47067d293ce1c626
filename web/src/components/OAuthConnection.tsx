// A source that connects with one click at its provider (docs/oauth.md): Connect {Provider} (Shopify asks for the shop
// first), who the connection acts as, Reconnect and Disconnect; pasting a token stays available underneath.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { AlertTriangle, CheckCircle2, ChevronRight, ExternalLink, Info, Unplug } from 'lucide-react';
import type { OAuthDatasource, SourceOAuth } from '../types/oauth';
import { goToConnect, normalizeShop } from '../utils/oauth';
import { cn } from '../utils/cn';
import { ConfirmDialog } from './ui/ConfirmDialog';
import { buttonDanger, buttonPrimary, buttonSecondary, inputClass, labelClass, noticeClass } from './ui/styles';

interface Props {
  datasource: OAuthDatasource & { oauth: SourceOAuth };
  /** The token form, offered as "Use a token instead" (none for a remote MCP server that only connects with OAuth). */
  tokenForm?: ReactNode;
  /** Deletes the saved connection (the server revokes it at the provider first). */
  onDisconnect: () => Promise<void>;
}

const warnBox = cn(
  'flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900',
  'dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200',
);
const okBox = cn(
  'flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900',
  'dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200',
);

/** Connect {Provider}; for a shop-based provider the shop's address first. */
function ConnectButton({ datasource, label, primary }: { datasource: Props['datasource']; label: string; primary: boolean }) {
  const id = useId();
  const { pathname } = useLocation();
  const [shop, setShop] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { oauth } = datasource;
  if (!oauth.needs_shop)
    return (
      <button type="button" onClick={() => goToConnect(datasource.id, pathname)} className={primary ? buttonPrimary : buttonSecondary}>
        <ExternalLink className="size-4" aria-hidden />
        {label}
      </button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const normalized = normalizeShop(shop);
    if (!normalized) {
      setError('Enter your shop as your-shop.myshopify.com.');
      document.getElementById(`${id}-shop`)?.focus();
      return;
    }
    goToConnect(datasource.id, pathname, normalized);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`${label}: your shop`} className="w-full space-y-2">
      <div>
        <label htmlFor={`${id}-shop`} className={labelClass}>
          Your {oauth.provider_name} shop
        </label>
        <input
          id={`${id}-shop`}
          value={shop}
          onChange={(e) => {
            setShop(e.target.value);
            setError(null);
          }}
          placeholder="your-shop.myshopify.com"
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          spellCheck={false}
          autoComplete="off"
          className={cn(inputClass, 'mt-1')}
        />
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className={primary ? buttonPrimary : buttonSecondary}>
        <ExternalLink className="size-4" aria-hidden />
        {label}
      </button>
    </form>
  );
}

export function OAuthConnection({ datasource, tokenForm, onDisconnect }: Props) {
  const { oauth } = datasource;
  const name = oauth.provider_name;
  const viaOAuth = datasource.configured && datasource.auth === 'oauth';
  const viaToken = datasource.configured && !viaOAuth;
  const [showToken, setShowToken] = useState(viaToken);
  const [confirm, setConfirm] = useState(false);
  const tokenId = useId();

  return (
    <div className="space-y-4" data-testid="oauth-connection">
      {datasource.reconnect ? (
        <div role="alert" className={warnBox} data-testid="reconnect-needed">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>{datasource.reconnect}</p>
        </div>
      ) : null}
      {viaOAuth && !datasource.reconnect ? (
        <div className={okBox} data-testid="oauth-connected">
          <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>
            {datasource.identity ? `Connected as ${datasource.identity}` : 'Connected'} through {name}.
          </p>
        </div>
      ) : null}
      {!oauth.ready && !viaOAuth ? (
        <div className={cn('flex items-start gap-2', noticeClass)} data-testid="oauth-not-ready">
          <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>
            One-click connection to {name} is not set up on this server: an admin has to add the {name} OAuth app (Admin › Workspace). You
            can use a token meanwhile.
          </p>
        </div>
      ) : null}

      <div className="flex flex-wrap items-start gap-2">
        {oauth.ready && !viaOAuth ? <ConnectButton datasource={datasource} label={`Connect ${name}`} primary={!viaToken} /> : null}
        {oauth.ready && viaOAuth ? (
          <ConnectButton datasource={datasource} label={`Reconnect ${name}`} primary={!!datasource.reconnect} />
        ) : null}
        {viaOAuth ? (
          <button type="button" onClick={() => setConfirm(true)} className={cn(buttonDanger, 'ml-auto')}>
            <Unplug className="size-4" aria-hidden />
            Disconnect {name}
          </button>
        ) : null}
      </div>

      {viaOAuth || !tokenForm ? null : (
        <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <button
            type="button"
            aria-expanded={showToken}
            aria-controls={tokenId}
            onClick={() => setShowToken((v) => !v)}
            className={cn(
              'inline-flex items-center gap-1 text-sm font-medium text-zinc-700 hover:text-zinc-900',
              'dark:text-zinc-300 dark:hover:text-zinc-100',
            )}
          >
            <ChevronRight className={`size-4 transition-transform ${showToken ? 'rotate-90' : ''}`} aria-hidden />
            Use a token instead
          </button>
          <div id={tokenId} hidden={!showToken} className="mt-3">
            {showToken ? tokenForm : null}
          </div>
        </div>
      )}

      {confirm ? (
        <ConfirmDialog
          title={`Disconnect ${name}?`}
          confirmLabel="Disconnect"
          danger
          onConfirm={onDisconnect}
          onClose={() => setConfirm(false)}
        >
          Mosaic asks {name} to revoke its access and deletes the saved authorization. Your questions to {datasource.name} stop working
          until you connect again.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
