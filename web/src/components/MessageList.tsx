// The conversation: user bubbles, assistant answers (markdown), their activity and their sources.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { AlertTriangle, Brain, Check, ChevronRight, Copy, Hourglass, OctagonX, Sparkles, Unplug } from 'lucide-react';
import type { ChatMessage } from '../types';
import { formatDuration } from '../utils/format';
import { AgentActivityPanel } from './AgentActivityPanel';
import { ConnectPrompts } from './ConnectPrompt';
import { MarkdownMessage } from './MarkdownMessage';
import { SourceIcon } from './SourceIcon';
import { ThinkingIndicator } from './ThinkingIndicator';
import { cn } from '../utils/cn';

interface Props {
  messages: ChatMessage[];
  sourceName: (id: string) => string;
  /** Offered when an answer failed because the source has no (valid) credentials. */
  onOpenSettings?: () => void;
  /** Where a Connect button in an answer comes back to: this conversation. */
  returnTo?: string;
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          /* blocked */
        }
      }}
      className={cn(
        'inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs text-zinc-500',
        'hover:bg-zinc-100 hover:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-200',
      )}
      aria-label="Copy answer"
    >
      {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

function Thinking({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mb-2">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-1.5 text-sm text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200"
      >
        <Brain className="size-4" aria-hidden /> Reasoning
        <ChevronRight className={`size-3.5 transition-transform ${open ? 'rotate-90' : ''}`} aria-hidden />
      </button>
      {open ? (
        <p
          className={cn(
            'mt-1 whitespace-pre-wrap border-l-2 border-zinc-200 pl-3 text-sm text-zinc-600',
            'dark:border-zinc-700 dark:text-zinc-400',
          )}
        >
          {text}
        </p>
      ) : null}
    </div>
  );
}

function SourceResults({ message, sourceName }: { message: ChatMessage; sourceName: (id: string) => string }) {
  const [open, setOpen] = useState(false);
  const results = (message.sourceResults ?? []).filter((r) => r.response || r.error);
  if (results.length === 0) return null;
  return (
    <div className="mt-2">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className={cn(
          'inline-flex items-center gap-1 text-xs font-medium text-zinc-500 hover:text-zinc-800',
          'dark:text-zinc-400 dark:hover:text-zinc-200',
        )}
      >
        <ChevronRight className={`size-3.5 transition-transform ${open ? 'rotate-90' : ''}`} aria-hidden /> Answers per source
      </button>
      {open ? (
        <div className="mt-2 space-y-2">
          {results.map((r) => (
            <div key={r.source} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
              <div className="mb-1 flex items-center gap-2 text-sm font-medium">
                <SourceIcon id={r.source} size="sm" />
                {sourceName(r.source)}
              </div>
              {r.error ? (
                <p className="text-sm text-red-600 dark:text-red-400">{r.error}</p>
              ) : (
                <MarkdownMessage content={r.response ?? ''} />
              )}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function AssistantMessage({
  message,
  sourceName,
  onOpenSettings,
  returnTo,
}: {
  message: ChatMessage;
  sourceName: (id: string) => string;
  onOpenSettings?: () => void;
  returnTo?: string;
}) {
  const streaming = message.status === 'streaming';
  const meta = message.metadata;
  const offline = meta?.provider === 'offline' || meta?.tier === 'offline';
  const metaBits = [
    offline ? 'Offline (no LLM)' : meta?.model,
    meta?.tier && !offline ? `${meta.tier} tier` : null,
    typeof meta?.duration_ms === 'number' ? formatDuration(meta.duration_ms) : null,
  ].filter(Boolean);
  return (
    <div className="flex gap-3" aria-busy={streaming}>
      <span
        className={cn(
          'mt-0.5 inline-flex size-7 shrink-0 items-center justify-center rounded-lg',
          'bg-gradient-to-br from-indigo-500 to-violet-600 text-white',
        )}
        aria-hidden
      >
        <Sparkles className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <h3 className="sr-only">Mosaic</h3>
        <AgentActivityPanel message={message} sourceName={sourceName} />
        {message.thinking ? <Thinking text={message.thinking} /> : null}
        {message.content ? (
          <MarkdownMessage content={message.content} streaming={streaming} />
        ) : streaming ? (
          <ThinkingIndicator phase={message.phase} />
        ) : null}
        {message.connect?.length ? <ConnectPrompts prompts={message.connect} returnTo={returnTo ?? '/'} /> : null}
        {message.status === 'interrupted' ? (
          <p
            className={cn(
              'mt-2 flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2',
              'text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200',
            )}
          >
            <Unplug className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>Interrupted: the server stopped before this answer was finished. Ask again to get one.</span>
          </p>
        ) : null}
        {message.status === 'pending' ? (
          <p className="mt-2 inline-flex items-center gap-1.5 text-sm text-zinc-500">
            <Hourglass className="size-4" aria-hidden />
            Still being answered; open this conversation again in a moment.
          </p>
        ) : null}
        {message.status === 'stopped' ? (
          <p className="mt-2 inline-flex items-center gap-1.5 text-sm text-zinc-500">
            <OctagonX className="size-4" aria-hidden />
            Stopped.
          </p>
        ) : null}
        {message.status === 'error' ? (
          <p
            role="alert"
            className={cn(
              'mt-2 flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm',
              'text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200',
            )}
          >
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              {message.error}
              {message.errorCode === 'not_configured' && onOpenSettings ? (
                <>
                  {' '}
                  <button type="button" onClick={onOpenSettings} className="font-semibold underline underline-offset-2">
                    Open settings
                  </button>
                </>
              ) : null}
            </span>
          </p>
        ) : null}
        {!streaming && (message.content || message.sources?.length) ? (
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5">
            {message.sources?.length || message.failedSources?.length ? (
              <ul aria-label="Sources" className="flex flex-wrap gap-1.5">
                {(message.sources ?? []).map((s) => (
                  <li
                    key={s}
                    className={cn(
                      'inline-flex items-center gap-1.5 rounded-full border border-zinc-200 bg-white py-0.5',
                      'pl-0.5 pr-2.5 text-xs text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900',
                      'dark:text-zinc-300',
                    )}
                  >
                    <SourceIcon id={s} size="sm" />
                    {sourceName(s)}
                  </li>
                ))}
                {(message.failedSources ?? []).map((s) => (
                  <li
                    key={s}
                    className={cn(
                      'inline-flex items-center gap-1.5 rounded-full border border-red-200 py-0.5 pl-0.5 pr-2.5',
                      'text-xs text-red-700 dark:border-red-900 dark:text-red-300',
                    )}
                    title="This source failed"
                  >
                    <SourceIcon id={s} size="sm" />
                    {sourceName(s)} failed
                  </li>
                ))}
              </ul>
            ) : null}
            {message.content ? <CopyButton text={message.content} /> : null}
            {metaBits.length ? <span className="text-xs text-zinc-500">{metaBits.join(' · ')}</span> : null}
          </div>
        ) : null}
        {!streaming ? <SourceResults message={message} sourceName={sourceName} /> : null}
      </div>
    </div>
  );
}

export function MessageList({ messages, sourceName, onOpenSettings, returnTo }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  // Follow the stream only while the reader is at the bottom; scrolling up to read stops following.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  const last = messages[messages.length - 1];
  const seenLength = useRef(0);
  useLayoutEffect(() => {
    if (messages.length !== seenLength.current) {
      seenLength.current = messages.length;
      pinned.current = true; // a new question always brings the reader to the bottom
    }
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, last?.content, last?.tools.length, last?.plan?.sources.length, last?.status]);

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto" data-testid="message-list">
      <ol className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6" aria-label="Conversation">
        {messages.map((m) => (
          <li key={m.id} data-testid={`message-${m.role}`}>
            {m.role === 'user' ? (
              <div className="flex justify-end">
                <h3 className="sr-only">You</h3>
                <p
                  className={cn(
                    'max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-zinc-100 px-4',
                    'py-2.5 text-[15px] leading-relaxed text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100',
                  )}
                >
                  {m.content}
                </p>
              </div>
            ) : (
              <AssistantMessage message={m} sourceName={sourceName} onOpenSettings={onOpenSettings} returnTo={returnTo} />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
