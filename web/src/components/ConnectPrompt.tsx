// In a chat answer: a source that needs the person to connect it (connect_required) gets a Connect button that goes
// to the provider and comes back to this conversation.
import { PlugZap } from 'lucide-react';
import type { ConnectPrompt } from '../types';
import { goToConnect } from '../utils/oauth';
import { cn } from '../utils/cn';
import { SourceIcon } from './SourceIcon';
import { buttonPrimary } from './ui/styles';

interface Props {
  prompts: ConnectPrompt[];
  returnTo: string;
  /** "Reconnect" when a saved connection stopped working. */
  verb?: 'Connect' | 'Reconnect';
}

export function ConnectPrompts({ prompts, returnTo, verb = 'Connect' }: Props) {
  return (
    <ul className="mt-2 space-y-2" aria-label="Connections needed">
      {prompts.map((p) => (
        <li
          key={p.datasource}
          data-testid={`connect-prompt-${p.datasource}`}
          className={cn(
            'flex flex-wrap items-center gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm',
            'text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200',
          )}
        >
          <SourceIcon id={p.datasource} size="sm" />
          <span className="min-w-0 flex-1">{p.reason || `${p.name} needs you to connect it before Mosaic can use it.`}</span>
          <button type="button" onClick={() => goToConnect(p.datasource, returnTo)} className={buttonPrimary}>
            <PlugZap className="size-4" aria-hidden />
            {verb} {p.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
