// Mosaic REST API (spec §4.3, §10). Response shapes are normalised here so components stay simple.
import type {
  AuthResponse,
  ChatEvent,
  ChatSessionSummary,
  CredentialStatus,
  Datasource,
  ProviderInfo,
  StoredMessage,
  TestConnectionResult,
  User,
} from '../types';
import { ApiError, requestJson, send } from './http';
import { readSseStream } from './sse';

export { ApiError } from './http';

export const authApi = {
  login: (email: string, password: string) =>
    requestJson<AuthResponse>('POST', '/api/auth/login', { body: { email, password }, quietUnauthorized: true }),
  signup: (email: string, password: string, name: string) =>
    requestJson<AuthResponse>('POST', '/api/auth/signup', { body: { email, password, name }, quietUnauthorized: true }),
  logout: () => requestJson<{ message: string }>('POST', '/api/auth/logout', { quietUnauthorized: true }),
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
  /** Resolves null when this server has no test endpoint (404), so the UI can hide the button. */
  async test(id: string): Promise<TestConnectionResult | null> {
    try {
      const result = await requestJson<Partial<TestConnectionResult> & Record<string, unknown>>(
        'POST',
        `/api/datasources/${encodeURIComponent(id)}/test`,
      );
      return {
        success: result?.success !== false && result?.status !== 'error',
        message: typeof result?.message === 'string' ? result.message : undefined,
        error: typeof result?.error === 'string' ? result.error : undefined,
      };
    } catch (err) {
      // 404 "No such API endpoint" / 405: this server has no test endpoint yet.
      if (err instanceof ApiError && (err.status === 405 || (err.status === 404 && !/unknown datasource/i.test(err.title ?? ''))))
        return null;
      if (err instanceof ApiError && err.status < 500 && err.status !== 401) {
        return { success: false, error: err.message };
      }
      throw err;
    }
  },
};

export const credentialsApi = {
  save: (datasource: string, credentials: Record<string, string | boolean | number>) =>
    requestJson<{ message: string }>('POST', '/api/credentials', { body: { datasource, credentials } }),
  checkStatus: (datasource: string) => requestJson<CredentialStatus>('GET', `/api/credentials/${encodeURIComponent(datasource)}/status`),
  delete: (datasource: string) => requestJson<{ message: string }>('DELETE', `/api/credentials/${encodeURIComponent(datasource)}`),
};

export interface ChatStreamRequest {
  message: string;
  datasource: string;
  session_id?: string;
}

function asArray<T>(value: unknown, ...keys: string[]): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object') {
    for (const key of keys) {
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner as T[];
    }
  }
  return [];
}

export const chatApi = {
  /** Streams one single-source answer; resolves when the stream ends, rejects on HTTP errors. */
  async sendMessageStream(request: ChatStreamRequest, onEvent: (event: ChatEvent) => void, signal?: AbortSignal): Promise<void> {
    const response = await send('POST', '/api/chat/message/stream', { body: request, signal });
    if (!response.body) throw new ApiError({ status: response.status, detail: 'The server sent no stream.' });
    await readSseStream<ChatEvent>(response.body, onEvent, signal);
  },
  /**
   * Answers a write-tool approval. Usually the original stream carries on by itself; a server that
   * ended that stream may instead answer with a new one, which is then read through onEvent.
   */
  async answerApproval<E>(approvalId: string, approved: boolean, onEvent?: (event: E) => void, signal?: AbortSignal): Promise<void> {
    const response = await send('POST', `/api/chat/approvals/${encodeURIComponent(approvalId)}`, { body: { approved }, signal });
    if (onEvent && response.body && (response.headers.get('Content-Type') ?? '').includes('text/event-stream')) {
      await readSseStream<E>(response.body, onEvent, signal);
    } else {
      await response.text().catch(() => '');
    }
  },
  async listSessions(): Promise<ChatSessionSummary[]> {
    const raw = await requestJson<unknown>('GET', '/api/chat/sessions');
    return asArray<Record<string, unknown>>(raw, 'sessions', 'items')
      .map((s) => ({
        id: String(s.id ?? s.session_id ?? ''),
        datasource: String(s.datasource ?? 'all'),
        title: (s.title as string) ?? (s.first_message as string) ?? null,
        updated_at: (s.updated_at as string) ?? (s.updated as string) ?? (s.created_at as string) ?? null,
      }))
      .filter((s) => s.id);
  },
  async getSession(id: string): Promise<{ datasource?: string; messages: StoredMessage[] }> {
    const raw = await requestJson<unknown>('GET', `/api/chat/sessions/${encodeURIComponent(id)}`);
    const datasource = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).datasource : undefined;
    return {
      datasource: typeof datasource === 'string' ? datasource : undefined,
      messages: asArray<StoredMessage>(raw, 'messages', 'history'),
    };
  },
  deleteSession: (id: string) => requestJson<unknown>('DELETE', `/api/chat/sessions/${encodeURIComponent(id)}`),
  getProviders: () => requestJson<ProviderInfo>('GET', '/api/chat/providers'),
};
