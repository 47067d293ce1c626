// One conversation with one source (or with all of them through the agent).
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PlugZap, SquarePen } from 'lucide-react';
import { chatApi } from '../services/api';
import { queryKeys } from '../services/queryKeys';
import type { Datasource } from '../types';
import { useChat } from '../hooks/useChat';
import { ALL_SOURCES, exampleQuestions } from '../utils/sources';
import { sourceHealth, TONE_DOT } from '../utils/status';
import type { OAuthDatasource } from '../types/oauth';
import { goToConnect } from '../utils/oauth';
import { ApprovalDialog } from './ApprovalDialog';
import { ConnectPrompts } from './ConnectPrompt';
import { ChatHeader } from './ChatHeader';
import { EmptyState } from './EmptyState';
import { MessageInput, type MessageInputHandle } from './MessageInput';
import { MessageList } from './MessageList';
import { SourceIcon } from './SourceIcon';
import { cn } from '../utils/cn';

interface Props {
  datasource: string;
  sessionId?: string;
  datasources: Datasource[];
  sourceName: (id: string) => string;
  onNewChat: () => void;
  onOpenSettings: (source?: string) => void;
  onOpenSidebar: () => void;
}

const primaryButton = cn(
  'inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500',
);

const quietButton = cn(
  'rounded-lg px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
);

export function ChatInterface({ datasource, sessionId, datasources, sourceName, onNewChat, onOpenSettings, onOpenSidebar }: Props) {
  const chat = useChat(datasource, sessionId);
  const input = useRef<MessageInputHandle>(null);
  const providers = useQuery({ queryKey: queryKeys.providers, queryFn: chatApi.getProviders, retry: false, staleTime: 5 * 60_000 });

  const isAll = datasource === ALL_SOURCES;
  const ds: OAuthDatasource | undefined = datasources.find((d) => d.id === datasource);
  // One click to the provider when it can go straight there (a shop must be named first, in settings).
  const oneClick = ds?.oauth?.ready && !ds.oauth.needs_shop ? ds.oauth : undefined;
  const chatPath = `/chat/${encodeURIComponent(datasource)}${chat.sessionId ? `/${encodeURIComponent(chat.sessionId)}` : ''}`;
  const configuredCount = datasources.filter((d) => d.configured && d.enabled).length;
  const ready = isAll ? configuredCount > 0 : !!ds?.configured && ds.enabled;
  const health = ds ? sourceHealth(ds) : undefined;

  useEffect(() => {
    if (ready) input.current?.focus();
  }, [ready, datasource]);

  const provider = providers.data;
  const providerLabel = provider
    ? provider.offline
      ? 'Offline mode · answers come straight from the tools'
      : (provider.model ?? provider.label ?? provider.provider)
    : undefined;

  const subtitle = isAll ? (
    `${configuredCount} connected source${configuredCount === 1 ? '' : 's'}${providerLabel ? ` · ${providerLabel}` : ''}`
  ) : (
    <span className="inline-flex items-center gap-1.5">
      {health ? <span className={`size-2 rounded-full ${TONE_DOT[health.tone]}`} aria-hidden /> : null}
      {health?.label}
      {providerLabel ? ` · ${providerLabel}` : ''}
    </span>
  );

  const empty = chat.messages.length === 0 && !chat.loadingSession;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatHeader
        onOpenSidebar={onOpenSidebar}
        icon={<SourceIcon id={datasource} icon={ds?.icon} />}
        title={isAll ? 'All sources' : sourceName(datasource)}
        subtitle={subtitle}
        actions={
          chat.messages.length > 0 ? (
            <button
              type="button"
              onClick={onNewChat}
              className={cn(
                'inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm text-zinc-700',
                'hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
              )}
            >
              <SquarePen className="size-4" aria-hidden />
              <span className="hidden sm:inline">New chat</span>
            </button>
          ) : null
        }
      />

      {chat.loadError ? (
        <p
          role="alert"
          className="mx-auto mt-6 max-w-3xl rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {chat.loadError}
        </p>
      ) : null}

      {chat.loadingSession ? (
        <div className="flex flex-1 items-center justify-center text-sm text-zinc-500" role="status">
          Opening conversation…
        </div>
      ) : empty && !ready ? (
        <EmptyState
          icon={<SourceIcon id={datasource} icon={ds?.icon} size="lg" />}
          title={isAll ? 'Connect a source to get started' : `Connect ${sourceName(datasource)}`}
          description={
            isAll
              ? 'Mosaic answers across every source you connect. Add credentials for at least one source.'
              : ds && !ds.enabled
                ? `${ds.name} is disabled on this server.`
                : `${ds?.description ?? ''}. Add your credentials to start asking questions.`
          }
          action={
            ds?.enabled === false ? undefined : oneClick ? (
              <div className="flex flex-wrap items-center justify-center gap-2">
                <button type="button" onClick={() => goToConnect(datasource, chatPath)} className={primaryButton}>
                  <PlugZap className="size-4" aria-hidden /> Connect {oneClick.provider_name}
                </button>
                <button type="button" onClick={() => onOpenSettings(datasource)} className={quietButton}>
                  Use a token instead
                </button>
              </div>
            ) : (
              <button type="button" onClick={() => onOpenSettings(isAll ? undefined : datasource)} className={primaryButton}>
                <PlugZap className="size-4" aria-hidden /> {isAll ? 'Connect sources' : `Connect ${sourceName(datasource)}`}
              </button>
            )
          }
        />
      ) : empty ? (
        <EmptyState
          icon={<SourceIcon id={datasource} icon={ds?.icon} size="lg" />}
          title={isAll ? 'Ask across all your sources' : `Ask ${sourceName(datasource)}`}
          description={
            isAll
              ? 'Mosaic picks the relevant sources, queries them in parallel and combines the answers, with attribution.'
              : (ds?.description ?? '')
          }
          examples={exampleQuestions(datasource, ds)}
          onExample={chat.send}
        />
      ) : (
        <MessageList
          messages={chat.messages}
          sourceName={sourceName}
          onOpenSettings={() => onOpenSettings(isAll ? undefined : datasource)}
          returnTo={chatPath}
        />
      )}

      {ds?.reconnect && oneClick ? (
        <div className="mx-auto w-full max-w-3xl px-4 sm:px-6" data-testid="chat-reconnect">
          <ConnectPrompts
            prompts={[{ datasource, name: oneClick.provider_name, reason: ds.reconnect }]}
            returnTo={chatPath}
            verb="Reconnect"
          />
        </div>
      ) : null}

      <MessageInput
        ref={input}
        onSend={chat.send}
        onStop={chat.stop}
        streaming={chat.isStreaming}
        disabled={!ready}
        placeholder={isAll ? 'Ask across all sources…' : `Ask ${sourceName(datasource)}…`}
      />

      {chat.pendingApproval ? (
        <ApprovalDialog
          approval={chat.pendingApproval}
          sourceName={chat.pendingApproval.source ? sourceName(chat.pendingApproval.source) : undefined}
          busy={chat.approvalBusy}
          error={chat.approvalError}
          onDecide={(approved) => void chat.resolveApproval(approved)}
        />
      ) : null}
    </div>
  );
}
