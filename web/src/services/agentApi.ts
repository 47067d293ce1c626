// Multi-source agent API (docs/architecture.md): plan → query sources in parallel → synthesize.
import type { AgentEvent, AgentQueryRequest, AgentSourceInfo, MultiSourceResponse, StreamEvent } from '../types';
import { ApiError, requestJson, send } from './http';
import { readSseStream } from './sse';

export type AgentQuery = Omit<AgentQueryRequest, 'include_plan'> & { include_plan?: boolean };

/**
 * The agent's events as the conversation sees them: a source's tool and approval events become that source's chat
 * events, synthesis chunks the answer's chunks, the agent's error an error; its stages pass as they are.
 */
export function toStreamEvent(ev: AgentEvent): StreamEvent | null {
  const connect = connectRequired(ev);
  if (connect) return connect;
  switch (ev.event_type) {
    case 'session_id':
      return { event: { type: 'session_id', session_id: ev.session_id } };
    case 'tool_start':
      return { source: ev.source, event: { type: 'tool_start', tool: ev.tool, arguments: ev.arguments } };
    case 'tool_end':
      return {
        source: ev.source,
        event: { type: 'tool_end', tool: ev.tool, success: ev.success, duration_ms: ev.duration_ms, error: ev.error },
      };
    case 'approval_required':
      return {
        source: ev.source,
        event: {
          type: 'approval_required',
          approval_id: ev.approval_id,
          tool: ev.tool,
          arguments: ev.arguments,
          expires_at: ev.expires_at,
        },
      };
    case 'approval_resolved':
      return { source: ev.source, event: { type: 'approval_resolved', approval_id: ev.approval_id, status: ev.status } };
    case 'synthesis_chunk':
      return { event: { type: 'chunk', content: ev.chunk } };
    case 'error':
      return { event: { type: 'error', error: ev.error, code: 'internal' } };
    case 'planning':
    case 'plan_complete':
    case 'source_start':
    case 'source_complete':
    case 'synthesizing':
    case 'done':
      return { agent: ev };
    default:
      return null; // a kind this UI does not know yet
  }
}

/** A source of the plan needs the person to connect it (issue 14; not in the generated AgentEvent yet). */
function connectRequired(ev: AgentEvent): StreamEvent | null {
  const raw = ev as unknown as Record<string, unknown>;
  if (raw.event_type !== 'connect_required') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const datasource = text(raw.datasource) || text(raw.source);
  if (!datasource) return null;
  return {
    source: text(raw.source) || datasource,
    event: { type: 'connect_required', datasource, name: text(raw.name), reason: text(raw.reason) },
  };
}

export const agentApi = {
  query: (request: AgentQuery) => requestJson<MultiSourceResponse>('POST', '/api/agent/query', { body: request }),

  async queryStream(request: AgentQuery, onEvent: (event: StreamEvent) => void, signal?: AbortSignal): Promise<void> {
    const response = await send('POST', '/api/agent/query/stream', { body: { include_plan: true, ...request }, signal });
    if (!response.body) throw new ApiError({ status: response.status, detail: 'The server sent no stream.' });
    await readSseStream<AgentEvent>(
      response.body,
      (ev) => {
        const event = toStreamEvent(ev);
        if (event) onEvent(event);
      },
      signal,
    );
  },

  sources: () => requestJson<AgentSourceInfo[]>('GET', '/api/agent/sources'),
};
