// Conversation state for one chat: sends a message, folds the stream into the assistant message,
// handles stop (AbortController), write-tool approvals and reopening a stored session.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, chatApi } from '../services/api';
import { agentApi } from '../services/agentApi';
import { queryKeys } from '../services/queryKeys';
import type { ChatMessage, PendingApproval, StoredMessage, StreamEvent } from '../types';
import { ALL_SOURCES } from '../utils/sources';
import { newId } from '../utils/format';
import { applyStreamEvent, newAssistantMessage, resolveApprovalInTools, settleTools, toolsFromMetadata } from './chatReducer';

export function storedToChatMessage(m: StoredMessage): ChatMessage {
  const meta = m.metadata ?? undefined;
  // A source's answer lists its tool calls; an agent answer keeps its sources' summaries instead.
  const tools = toolsFromMetadata(meta && 'tools_used' in meta ? meta.tools_used : undefined);
  const source = m.datasource;
  const status = m.status === 'interrupted' ? 'interrupted' : m.status === 'in_progress' ? 'pending' : 'done';
  return {
    id: newId('msg'),
    role: m.role === 'user' ? 'user' : 'assistant',
    content: m.content ?? '',
    createdAt: m.created_at ? Date.parse(m.created_at) : Date.now(),
    status,
    tools,
    // An answer that was never written came from no source.
    sources: m.role !== 'user' && status === 'done' && source && source !== ALL_SOURCES ? [source] : undefined,
    metadata: meta && {
      provider: meta.provider,
      duration_ms: meta.duration_ms,
      ...('tier' in meta ? { tier: meta.tier, model: meta.model } : {}),
    },
  };
}

export interface UseChat {
  messages: ChatMessage[];
  sessionId: string | undefined;
  isStreaming: boolean;
  loadingSession: boolean;
  loadError: string | null;
  pendingApproval: PendingApproval | null;
  approvalError: string | null;
  approvalBusy: boolean;
  send: (text: string) => void;
  stop: () => void;
  resolveApproval: (approved: boolean) => Promise<void>;
}

export function useChat(datasource: string, initialSessionId?: string): UseChat {
  const queryClient = useQueryClient();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [sessionId, setSessionId] = useState<string | undefined>(initialSessionId);
  const [isStreaming, setStreaming] = useState(false);
  const [loadingSession, setLoadingSession] = useState(!!initialSessionId);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pendingApproval, setPendingState] = useState<PendingApproval | null>(null);
  const [approvalError, setApprovalError] = useState<string | null>(null);
  const [approvalBusy, setApprovalBusy] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  // Mirrors pendingApproval synchronously: stream callbacks must see it before React re-renders.
  const pendingRef = useRef<PendingApproval | null>(null);
  const setPendingApproval = useCallback((p: PendingApproval | null) => {
    pendingRef.current = p;
    setPendingState(p);
  }, []);
  const sessionRef = useRef<string | undefined>(initialSessionId);

  useEffect(() => {
    if (!initialSessionId) return;
    let cancelled = false;
    chatApi
      .getSession(initialSessionId)
      .then((s) => {
        if (!cancelled) setMessages(s.messages.map(storedToChatMessage));
      })
      .catch((err: unknown) => {
        if (!cancelled) setLoadError(err instanceof Error ? err.message : 'Could not open this conversation.');
      })
      .finally(() => {
        if (!cancelled) setLoadingSession(false);
      });
    return () => {
      cancelled = true;
    };
  }, [initialSessionId]);

  // Leaving the chat cancels its stream.
  useEffect(() => () => abortRef.current?.abort(), []);

  const updateLast = useCallback((fn: (m: ChatMessage) => ChatMessage) => {
    setMessages((list) => {
      if (list.length === 0) return list;
      const last = list[list.length - 1];
      return last.role === 'assistant' ? [...list.slice(0, -1), fn(last)] : list;
    });
  }, []);

  const rememberSession = useCallback(
    (id: string | undefined) => {
      if (!id || id === sessionRef.current) return;
      sessionRef.current = id;
      setSessionId(id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
    [queryClient],
  );

  const send = useCallback(
    (text: string) => {
      const message = text.trim();
      if (!message || abortRef.current) return;
      const controller = new AbortController();
      abortRef.current = controller;
      setStreaming(true);
      const assistant = newAssistantMessage();
      if (datasource !== ALL_SOURCES) assistant.sources = [datasource];
      setMessages((list) => [...list, { id: newId('msg'), role: 'user', content: message, createdAt: Date.now(), tools: [] }, assistant]);

      const onEvent = (e: StreamEvent) => {
        if ('agent' in e) {
          if (e.agent.event_type === 'done') rememberSession(e.agent.result?.session_id);
        } else {
          const ev = e.event;
          if (ev.type === 'session_id') return rememberSession(ev.session_id);
          if (ev.type === 'approval_required') {
            setApprovalError(null);
            setPendingApproval({
              approvalId: ev.approval_id,
              tool: ev.tool,
              arguments: ev.arguments,
              source: e.source ?? (datasource === ALL_SOURCES ? undefined : datasource),
              expiresAt: ev.expires_at,
            });
          }
          if (ev.type === 'approval_resolved' && pendingRef.current?.approvalId === ev.approval_id) setPendingApproval(null);
        }
        updateLast((m) => applyStreamEvent(m, e));
      };

      const session_id = sessionRef.current;
      const run =
        datasource === ALL_SOURCES
          ? agentApi.queryStream({ query: message, session_id }, onEvent, controller.signal)
          : chatApi.sendMessageStream({ message, datasource, session_id }, onEvent, controller.signal);

      run
        .then(() => {
          // A stream that ends without done/error was cut off (or stopped).
          updateLast((m) =>
            m.status === 'streaming'
              ? {
                  ...m,
                  status: controller.signal.aborted ? 'stopped' : 'error',
                  phase: undefined,
                  error: controller.signal.aborted ? undefined : 'The connection closed before the answer finished.',
                  tools: settleTools(m.tools),
                }
              : m,
          );
        })
        .catch((err: unknown) => {
          const aborted = controller.signal.aborted || (err instanceof DOMException && err.name === 'AbortError');
          const error = aborted ? undefined : err instanceof ApiError || err instanceof Error ? err.message : 'Something went wrong.';
          updateLast((m) =>
            m.status === 'streaming'
              ? { ...m, status: aborted ? 'stopped' : 'error', phase: undefined, error, tools: settleTools(m.tools) }
              : m,
          );
        })
        .finally(() => {
          abortRef.current = null;
          setStreaming(false);
          // Nobody can answer a question whose stream is gone.
          setPendingApproval(null);
          void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
        });
    },
    [datasource, queryClient, rememberSession, updateLast, setPendingApproval],
  );

  const stop = useCallback(() => abortRef.current?.abort(), []);

  const resolveApproval = useCallback(
    async (approved: boolean) => {
      if (!pendingApproval) return;
      setApprovalBusy(true);
      setApprovalError(null);
      try {
        // The stream that asked waits for this answer and carries on by itself.
        await chatApi.answerApproval(pendingApproval.approvalId, approved);
        updateLast((m) => ({
          ...m,
          tools: resolveApprovalInTools(m.tools, pendingApproval.approvalId, pendingApproval.tool, approved ? 'approved' : 'refused'),
        }));
        setPendingApproval(null);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) {
          // Answered elsewhere or expired: nothing left to decide.
          updateLast((m) => ({
            ...m,
            tools: resolveApprovalInTools(m.tools, pendingApproval.approvalId, pendingApproval.tool, 'expired'),
          }));
          setPendingApproval(null);
        } else {
          setApprovalError(err instanceof Error ? err.message : 'Could not send your answer.');
        }
      } finally {
        setApprovalBusy(false);
      }
    },
    [pendingApproval, updateLast, setPendingApproval],
  );

  return {
    messages,
    sessionId,
    isStreaming,
    loadingSession,
    loadError,
    pendingApproval,
    approvalError,
    approvalBusy,
    send,
    stop,
    resolveApproval,
  };
}
