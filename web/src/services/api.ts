// Mosaic REST API (docs/architecture.md): one function per endpoint, typed by the generated contract.
import type {
  ApprovalResponse,
  AuthResponse,
  ChatMessageRequest,
  ChatSession,
  ChatSessionSummary,
  CredentialStatus,
  Datasource,
  MessageResponse,
  ProviderInfo,
  StreamEvent,
  User,
  ChatEvent,
} from '../types';
import { ApiError, requestJson, send } from './http';
import { readSseStream } from './sse';

export { ApiError } from './http';

export const authApi = {
  login: (email: string, password: string) =>
    requestJson<AuthResponse>('POST', '/api/auth/login', { body: { email, password }, quietUnauthorized: true }),
  signup: (email: string, password: string, name: string, invite?: string) =>
    requestJson<AuthResponse>('POST', '/api/auth/signup', {
      body: invite ? { email, password, name, invite } : { email, password, name },
      quietUnauthorized: true,
    }),
  logout: () => requestJson<MessageResponse>('POST', '/api/auth/logout', { quietUnauthorized: true }),
  /** The signed-in user, or null when there is no valid session. */
  async getCurrentUser(): Promise<User | null> {
    try {
      return await requestJson<User>('GET', '/api/auth/me', { quietUnauthorized: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
};

export const datasourceApi = {
  list: () => requestJson<Datasource[]>('GET', '/api/datasources'),
};

export const credentialsApi = {
  save: (datasource: string, credentials: Record<string, string | boolean | number>) =>
    requestJson<MessageResponse>('POST', '/api/credentials', { body: { datasource, credentials } }),
  checkStatus: (datasource: string) => requestJson<CredentialStatus>('GET', `/api/credentials/${encodeURIComponent(datasource)}/status`),
  delete: (datasource: string) => requestJson<MessageResponse>('DELETE', `/api/credentials/${encodeURIComponent(datasource)}`),
};

export const chatApi = {
  /** Streams one single-source answer; resolves when the stream ends, rejects on HTTP errors. */
  async sendMessageStream(request: ChatMessageRequest, onEvent: (event: StreamEvent) => void, signal?: AbortSignal): Promise<void> {
    const response = await send('POST', '/api/chat/message/stream', { body: request, signal });
    if (!response.body) throw new ApiError({ status: response.status, detail: 'The server sent no stream.' });
    await readSseStream<ChatEvent>(response.body, (event) => onEvent({ event }), signal);
  },
  /** Answers a write-tool approval; the stream that asked carries on by itself. */
  answerApproval: (approvalId: string, approved: boolean) =>
    requestJson<ApprovalResponse>('POST', `/api/chat/approvals/${encodeURIComponent(approvalId)}`, { body: { approved } }),
  listSessions: () => requestJson<ChatSessionSummary[]>('GET', '/api/chat/sessions'),
  getSession: (id: string) => requestJson<ChatSession>('GET', `/api/chat/sessions/${encodeURIComponent(id)}`),
  deleteSession: (id: string) => requestJson<void>('DELETE', `/api/chat/sessions/${encodeURIComponent(id)}`),
  getProviders: () => requestJson<ProviderInfo>('GET', '/api/chat/providers'),
};
