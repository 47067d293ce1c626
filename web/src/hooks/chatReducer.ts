// Pure functions that fold stream events into the assistant message being built. Both streams arrive as one
// StreamEvent (services/agentApi.ts maps the agent's), so a tool call or an approval is folded in one place.
import type {
  AgentStageEvent,
  ChatEvent,
  ChatMessage,
  ChatMetadata,
  ConnectPrompt,
  PlannedSource,
  SourceEvent,
  SourceProgress,
  StreamEvent,
  ToolActivity,
  ToolUse,
} from '../types';
import { newId } from '../utils/format';

export function newAssistantMessage(): ChatMessage {
  return { id: newId('msg'), role: 'assistant', content: '', createdAt: Date.now(), status: 'streaming', phase: 'thinking', tools: [] };
}

function startTool(tools: ToolActivity[], tool: string, args: unknown, source: string | undefined, now: number): ToolActivity[] {
  return [...tools, { id: newId('tool'), tool, source, arguments: args, status: 'running', startedAt: now }];
}

interface ToolEnd {
  tool: string;
  success: boolean;
  durationMs?: number;
  error?: string;
  source?: string;
}

/** Finishes the oldest still-running call of that tool (calls of one tool can overlap). */
function endTool(tools: ToolActivity[], end: ToolEnd, now: number): ToolActivity[] {
  const { tool, success, durationMs, error, source } = end;
  const index = tools.findIndex(
    (t) => t.tool === tool && (t.status === 'running' || t.status === 'awaiting_approval') && (!source || !t.source || t.source === source),
  );
  if (index === -1)
    return [...tools, { id: newId('tool'), tool, source, status: success ? 'success' : 'error', startedAt: now, durationMs, error }];
  const t = tools[index];
  const updated: ToolActivity = { ...t, status: success ? 'success' : 'error', durationMs: durationMs ?? now - t.startedAt, error };
  return tools.map((x, i) => (i === index ? updated : x));
}

function markAwaitingApproval(
  tools: ToolActivity[],
  tool: string,
  args: unknown,
  source: string | undefined,
  approvalId: string,
  now: number,
): ToolActivity[] {
  const index = tools.findIndex((t) => t.tool === tool && t.status === 'running');
  if (index === -1)
    return [...tools, { id: newId('tool'), tool, source, arguments: args, status: 'awaiting_approval', startedAt: now, approvalId }];
  return tools.map((x, i) =>
    i === index ? { ...x, status: 'awaiting_approval' as const, arguments: x.arguments ?? args, approvalId } : x,
  );
}

/** approved → the tool runs now; refused / expired → it never ran. */
export function resolveApprovalInTools(
  tools: ToolActivity[],
  approvalId: string | undefined,
  tool: string | undefined,
  outcome: string,
  now = Date.now(),
): ToolActivity[] {
  const index = tools.findIndex(
    (t) =>
      t.status === 'awaiting_approval' &&
      (approvalId ? t.approvalId === approvalId || (!t.approvalId && t.tool === tool) : t.tool === tool),
  );
  if (index === -1) return tools;
  const status = outcome === 'approved' ? ('running' as const) : outcome === 'expired' ? ('expired' as const) : ('denied' as const);
  return tools.map((t, i) =>
    i === index
      ? { ...t, status, startedAt: status === 'running' ? now : t.startedAt, durationMs: status === 'running' ? undefined : 0 }
      : t,
  );
}

/** Tool calls listed in a done event or stored message. */
export function toolsFromMetadata(toolsUsed: ToolUse[] | undefined): ToolActivity[] {
  return (toolsUsed ?? []).map((use) => {
    const status =
      use.approval === 'refused'
        ? ('denied' as const)
        : use.approval === 'expired'
          ? ('expired' as const)
          : use.success === false
            ? ('error' as const)
            : ('success' as const);
    return {
      id: newId('tool'),
      tool: use.tool,
      arguments: use.arguments,
      status,
      startedAt: 0,
      durationMs: use.duration_ms,
      fromCache: use.from_cache,
      error: use.error ?? undefined,
    };
  });
}

/** Anything still running when the stream ends did not finish (a pending approval stays pending). */
export function settleTools(tools: ToolActivity[], now = Date.now()): ToolActivity[] {
  return tools.map((t) =>
    t.status === 'running'
      ? { ...t, status: 'error' as const, durationMs: t.durationMs ?? now - t.startedAt, error: t.error ?? 'Did not finish' }
      : t,
  );
}

/** Folds one event of either stream into the answer being built. */
export function applyStreamEvent(msg: ChatMessage, e: StreamEvent, now = Date.now()): ChatMessage {
  return 'agent' in e ? applyAgentStage(msg, e.agent, now) : applySourceEvent(msg, e.event, e.source, now);
}

/** One prompt per source; a later event for the same source replaces its reason. */
function addConnectPrompt(list: ConnectPrompt[] | undefined, prompt: ConnectPrompt): ConnectPrompt[] {
  return [...(list ?? []).filter((p) => p.datasource !== prompt.datasource), prompt];
}

function applySourceEvent(msg: ChatMessage, ev: SourceEvent, source: string | undefined, now: number): ChatMessage {
  if (ev.type === 'connect_required') {
    if (typeof ev.datasource !== 'string' || !ev.datasource) return msg;
    const prompt = { datasource: ev.datasource, name: ev.name || ev.datasource, reason: ev.reason ?? '' };
    return { ...msg, connect: addConnectPrompt(msg.connect, prompt) };
  }
  return applyChatEvent(msg, ev, source, now);
}

function applyChatEvent(msg: ChatMessage, ev: ChatEvent, source: string | undefined, now: number): ChatMessage {
  switch (ev.type) {
    case 'thinking_start':
      return { ...msg, phase: 'thinking' };
    case 'thinking':
      return { ...msg, thinking: (msg.thinking ?? '') + (ev.content ?? '') };
    case 'chunk':
      return { ...msg, phase: 'answering', content: msg.content + (ev.content ?? '') };
    case 'tool_start':
      return { ...msg, tools: startTool(msg.tools, ev.tool, ev.arguments, source, now) };
    case 'tool_end': {
      const end = { tool: ev.tool, success: ev.success !== false, durationMs: ev.duration_ms, error: ev.error ?? undefined, source };
      return { ...msg, tools: endTool(msg.tools, end, now) };
    }
    case 'approval_required':
      return { ...msg, tools: markAwaitingApproval(msg.tools, ev.tool, ev.arguments, source, ev.approval_id, now) };
    case 'approval_resolved':
      return { ...msg, tools: resolveApprovalInTools(msg.tools, ev.approval_id, undefined, ev.status, now) };
    case 'done': {
      // Answers that never streamed tool events (e.g. from a cache) still show what was used.
      const tools = msg.tools.length > 0 ? settleTools(msg.tools, now) : toolsFromMetadata(ev.metadata?.tools_used);
      return { ...msg, status: 'done', phase: undefined, metadata: facts(ev.metadata), tools };
    }
    case 'error':
      return {
        ...msg,
        status: 'error',
        phase: undefined,
        error: ev.error || 'Something went wrong.',
        errorCode: ev.code,
        tools: settleTools(msg.tools, now),
      };
    default:
      return msg; // thinking_end and session_id change nothing here
  }
}

function facts(meta: ChatMetadata | undefined): ChatMessage['metadata'] {
  return meta && { provider: meta.provider, model: meta.model, tier: meta.tier, duration_ms: meta.duration_ms };
}

function toPlanned(sources: PlannedSource[] | undefined): SourceProgress[] {
  return (sources ?? []).map((s) => ({ source: s.source, confidence: s.confidence, reasoning: s.reasoning, status: 'planned' as const }));
}

function updateSource(list: SourceProgress[], source: string, patch: (s: SourceProgress) => SourceProgress): SourceProgress[] {
  const exists = list.some((s) => s.source === source);
  const base = exists ? list : [...list, { source, status: 'planned' as const }];
  return base.map((s) => (s.source === source ? patch(s) : s));
}

function applyAgentStage(msg: ChatMessage, ev: AgentStageEvent, now: number): ChatMessage {
  const plan = msg.plan ?? { sources: [] };
  switch (ev.event_type) {
    case 'planning':
      return { ...msg, phase: 'planning' };
    case 'plan_complete':
      return { ...msg, phase: 'querying', plan: { sources: toPlanned(ev.sources), reasoning: ev.reasoning } };
    case 'source_start':
      return {
        ...msg,
        phase: 'querying',
        plan: { ...plan, sources: updateSource(plan.sources, ev.source, (s) => ({ ...s, status: 'running', startedAt: now })) },
      };
    case 'source_complete':
      return {
        ...msg,
        plan: {
          ...plan,
          sources: updateSource(plan.sources, ev.source, (s) => ({
            ...s,
            status: ev.success === false ? 'failed' : 'success',
            error: ev.error ?? undefined,
            durationMs: ev.duration_ms ?? (s.startedAt ? now - s.startedAt : undefined),
          })),
        },
      };
    case 'synthesizing':
      return { ...msg, phase: 'synthesizing' };
    case 'done': {
      const r = ev.result;
      const planSources = r?.plan?.sources ? toPlanned(r.plan.sources) : [];
      // Keep the live progress, but take the plan from the result if the stream never sent one.
      const mergedPlan =
        plan.sources.length > 0 ? plan : planSources.length > 0 ? { sources: planSources, reasoning: r?.plan?.reasoning } : msg.plan;
      return {
        ...msg,
        status: 'done',
        phase: undefined,
        content: msg.content || r?.response || '',
        sources: r?.successful_sources ?? msg.sources,
        failedSources: r?.failed_sources,
        sourceResults: r?.source_results,
        plan: mergedPlan && {
          ...mergedPlan,
          sources: mergedPlan.sources.map((s) => finalSourceState(s, r?.successful_sources, r?.failed_sources)),
        },
        tools: settleTools(msg.tools, now),
      };
    }
  }
}

function finalSourceState(s: SourceProgress, ok?: string[], failed?: string[]): SourceProgress {
  if (s.status === 'success' || s.status === 'failed') return s;
  if (ok?.includes(s.source)) return { ...s, status: 'success' };
  if (failed?.includes(s.source)) return { ...s, status: 'failed' };
  return s;
}
