// What You Missed: sources it could not read because their connection must be made again ("Reconnect Google to see
// your mail."), each with a Reconnect button that comes back here.
import { RefreshCw } from 'lucide-react';
import type { Datasource } from '../types';
import type { DigestReconnect, OAuthDatasource } from '../types/oauth';
import { goToConnect } from '../utils/oauth';
import { cn } from '../utils/cn';
import { SourceIcon } from './SourceIcon';
import { buttonSecondary } from './ui/styles';

interface Props {
  items: DigestReconnect[];
  datasources: Datasource[];
  onOpenSettings: (source?: string) => void;
}

export function DigestReconnectList({ items, datasources, onOpenSettings }: Props) {
  const reconnect = (item: DigestReconnect) => {
    const oauth = (datasources.find((d) => d.id === item.datasource) as OAuthDatasource | undefined)?.oauth;
    // A shop-based provider asks for the shop first, and a provider without an app connects with a token: settings.
    if (oauth?.ready && !oauth.needs_shop) goToConnect(item.datasource, '/missed');
    else onOpenSettings(item.datasource);
  };
  return (
    <section
      aria-labelledby="digest-reconnect"
      data-testid="digest-reconnect"
      className={cn('overflow-hidden rounded-xl border border-amber-300 bg-amber-50/60 dark:border-amber-500/30 dark:bg-amber-500/5')}
    >
      <h2 id="digest-reconnect" className="px-4 pt-3 text-sm font-semibold text-amber-900 dark:text-amber-200">
        Reconnect needed
      </h2>
      <ul className="divide-y divide-amber-200/70 dark:divide-amber-500/10">
        {items.map((item) => (
          <li key={item.datasource} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
            <SourceIcon id={item.datasource} size="sm" />
            <span className="min-w-0 flex-1 text-zinc-800 dark:text-zinc-200">{item.message}</span>
            <button type="button" onClick={() => reconnect(item)} className={buttonSecondary}>
              <RefreshCw className="size-4" aria-hidden />
              Reconnect {item.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
