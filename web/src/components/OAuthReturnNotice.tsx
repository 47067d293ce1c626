// Back from a provider's consent page: says how connecting went, in words of the UI's own (utils/oauth.ts), refreshes
// the sources (the new connection, who it acts as) and takes the callback's parameters out of the address bar.
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { AlertTriangle, CheckCircle2, X } from 'lucide-react';
import { queryKeys } from '../services/queryKeys';
import type { OAuthDatasource } from '../types/oauth';
import { describeReturn, readOAuthReturn, withoutOAuthParams, type OAuthReturn } from '../utils/oauth';
import { cn } from '../utils/cn';

export function OAuthReturnNotice({ datasources }: { datasources: OAuthDatasource[] }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<OAuthReturn | null>(null);

  useEffect(() => {
    const ret = readOAuthReturn(location.search);
    if (!ret) return;
    setResult(ret);
    void queryClient.invalidateQueries({ queryKey: queryKeys.datasources });
    navigate({ pathname: location.pathname, search: withoutOAuthParams(location.search), hash: location.hash }, { replace: true });
  }, [location.search, location.pathname, location.hash, navigate, queryClient]);

  if (!result) return null;
  const ok = result.status === 'connected';
  return (
    <div className="pointer-events-none fixed inset-x-0 top-3 z-50 flex justify-center px-4">
      <div
        role={ok ? 'status' : 'alert'}
        data-testid="oauth-return"
        data-status={result.status}
        className={cn(
          'pointer-events-auto flex max-w-lg items-start gap-2 rounded-xl border px-4 py-3 text-sm shadow-lg',
          ok
            ? 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950 dark:text-emerald-100'
            : 'border-red-200 bg-red-50 text-red-900 dark:border-red-900/60 dark:bg-red-950 dark:text-red-100',
        )}
      >
        {ok ? (
          <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
        ) : (
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
        )}
        <p className="flex-1">{describeReturn(result, datasources)}</p>
        <button
          type="button"
          onClick={() => setResult(null)}
          aria-label="Dismiss"
          className="-m-1 inline-flex size-6 items-center justify-center rounded-md hover:bg-black/5 dark:hover:bg-white/10"
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
    </div>
  );
}
