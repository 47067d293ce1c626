// Multi-source agent API (spec §10.3): plan → query sources in parallel → synthesize.
import type { AgentEvent, MultiSourceResponse } from '../types';
import { ApiError, requestJson, send } from './http';
import { readSseStream } from './sse';

export interface AgentQueryRequest {
  query: string;
  sources?: string[];
  include_plan?: boolean;
  session_id?: string;
}

export const agentApi = {
  query: (request: AgentQueryRequest) => requestJson<MultiSourceResponse>('POST', '/api/agent/query', { body: request }),

  async queryStream(request: AgentQueryRequest, onEvent: (event: AgentEvent) => void, signal?: AbortSignal): Promise<void> {
    const response = await send('POST', '/api/agent/query/stream', { body: { include_plan: true, ...request }, signal });
    if (!response.body) throw new ApiError({ status: response.status, detail: 'The server sent no stream.' });
    await readSseStream<AgentEvent>(response.body, onEvent, signal);
  },

  sources: () => requestJson<unknown>('GET', '/api/agent/sources'),
};
