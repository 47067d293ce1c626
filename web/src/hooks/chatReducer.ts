// Pure functions that fold stream events into the assistant message being built. Kept apart from
// the hook so they are easy to test and reason about.
import type { AgentEvent, ChatEvent, ChatMessage, PlannedSource, ResponseMetadata, SourceProgress, ToolActivity, ToolUse } from '../types';
import { newId } from '../utils/format';

export function newAssistantMessage(): ChatMessage {
  return { id: newId('msg'), role: 'assistant', content: '', createdAt: Date.now(), status: 'streaming', phase: 'thinking', tools: [] };
}

function startTool(tools: ToolActivity[], tool: string, args: unknown, source: string | undefined, now: number): ToolActivity[] {
  return [...tools, { id: newId('tool'), tool, source, arguments: args, status: 'running', startedAt: now }];
}

/** Finishes the oldest still-running call of that tool (calls of one tool can overlap). */
function endTool(
  tools: ToolActivity[],
  tool: string,
  success: boolean,
  durationMs: number | undefined,
  error: string | undefined,
  source: string | undefined,
  now: number,
): ToolActivity[] {
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

function outcomeOf(ev: { status?: string; approved?: boolean }): string {
  return ev.status ?? (ev.approved ? 'approved' : 'refused');
}

/** Tool calls listed in a done event or stored message (objects, or bare names from older servers). */
export function toolsFromMetadata(meta: ResponseMetadata | null | undefined): ToolActivity[] {
  return (meta?.tools_used ?? []).map((u: string | ToolUse) => {
    const use: ToolUse = typeof u === 'string' ? { tool: u, success: true } : u;
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

export function applyChatEvent(msg: ChatMessage, ev: ChatEvent, now = Date.now()): ChatMessage {
  switch (ev.type) {
    case 'thinking_start':
      return { ...msg, phase: 'thinking' };
    case 'thinking':
      return { ...msg, thinking: (msg.thinking ?? '') + (ev.content ?? '') };
    case 'thinking_end':
      return msg;
    case 'chunk':
      return { ...msg, phase: 'answering', content: msg.content + (ev.content ?? '') };
    case 'tool_start':
      return { ...msg, tools: startTool(msg.tools, ev.tool, ev.arguments, ev.source, now) };
    case 'tool_end':
      return { ...msg, tools: endTool(msg.tools, ev.tool, ev.success !== false, ev.duration_ms, ev.error, ev.source, now) };
    case 'approval_required':
      return { ...msg, tools: markAwaitingApproval(msg.tools, ev.tool, ev.arguments, ev.source, ev.approval_id, now) };
    case 'approval_resolved':
      return { ...msg, tools: resolveApprovalInTools(msg.tools, ev.approval_id, undefined, outcomeOf(ev), now) };
    case 'done': {
      // Answers that never streamed tool events (e.g. from a cache) still show what was used.
      const tools = msg.tools.length > 0 ? settleTools(msg.tools, now) : toolsFromMetadata(ev.metadata);
      return { ...msg, status: 'done', phase: undefined, metadata: ev.metadata, tools };
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
      return msg;
  }
}

/** Anything still running when the stream ends did not finish (a pending approval stays pending). */
export function settleTools(tools: ToolActivity[], now = Date.now()): ToolActivity[] {
  return tools.map((t) =>
    t.status === 'running'
      ? { ...t, status: 'error' as const, durationMs: t.durationMs ?? now - t.startedAt, error: t.error ?? 'Did not finish' }
      : t,
  );
}

function toPlanned(sources: (PlannedSource | string)[] | undefined): SourceProgress[] {
  return (sources ?? []).map((s) =>
    typeof s === 'string'
      ? { source: s, status: 'planned' as const }
      : { source: s.source, confidence: s.confidence, reasoning: s.reasoning, status: 'planned' as const },
  );
}

function updateSource(list: SourceProgress[], source: string, patch: (s: SourceProgress) => SourceProgress): SourceProgress[] {
  const exists = list.some((s) => s.source === source);
  const base = exists ? list : [...list, { source, status: 'planned' as const }];
  return base.map((s) => (s.source === source ? patch(s) : s));
}

export function applyAgentEvent(msg: ChatMessage, ev: AgentEvent, now = Date.now()): ChatMessage {
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
            error: ev.error,
            durationMs: ev.duration_ms ?? (s.startedAt ? now - s.startedAt : undefined),
          })),
        },
      };
    case 'tool_start':
      return { ...msg, tools: startTool(msg.tools, ev.tool, ev.arguments, ev.source, now) };
    case 'tool_end':
      return { ...msg, tools: endTool(msg.tools, ev.tool, ev.success !== false, ev.duration_ms, ev.error, ev.source, now) };
    case 'approval_required':
      return { ...msg, tools: markAwaitingApproval(msg.tools, ev.tool, ev.arguments, ev.source, ev.approval_id, now) };
    case 'approval_resolved':
      return { ...msg, tools: resolveApprovalInTools(msg.tools, ev.approval_id, undefined, outcomeOf(ev), now) };
    case 'synthesizing':
      return { ...msg, phase: 'synthesizing' };
    case 'synthesis_chunk':
      return { ...msg, phase: 'answering', content: msg.content + (ev.chunk ?? '') };
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
      return msg;
  }
}

function finalSourceState(s: SourceProgress, ok?: string[], failed?: string[]): SourceProgress {
  if (s.status === 'success' || s.status === 'failed') return s;
  if (ok?.includes(s.source)) return { ...s, status: 'success' };
  if (failed?.includes(s.source)) return { ...s, status: 'failed' };
  return s;
}
