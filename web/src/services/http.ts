// The one place that talks HTTP: cookies always sent, the XSRF header on state-changing calls,
// and every error turned into an ApiError with a message a person can read.

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';

export class ApiError extends Error {
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  /** Field errors from a validation ProblemDetails, keyed by field name. */
  readonly errors: Record<string, string[]>;
  readonly retryAfterSeconds?: number;

  constructor(init: { status: number; title?: string; detail?: string; errors?: Record<string, string[]>; retryAfterSeconds?: number }) {
    super(describeProblem(init));
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

function describeProblem(p: { status: number; title?: string; detail?: string; errors?: Record<string, string[]> }): string {
  if (p.detail) return p.detail;
  const fieldMessages = Object.values(p.errors ?? {}).flat();
  if (fieldMessages.length > 0) return fieldMessages.join(' ');
  if (p.title) return p.title;
  if (p.status === 0) return 'Cannot reach the Mosaic server. Check your connection and try again.';
  if (p.status >= 500) return 'The server had a problem handling this request. Try again in a moment.';
  return `Request failed (HTTP ${p.status}).`;
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const c = part.trim();
    if (c.startsWith(prefix)) return decodeURIComponent(c.slice(prefix.length));
  }
  return undefined;
}

let onUnauthorized: (() => void) | undefined;

/** AuthContext registers this so an expired session anywhere sends the user back to sign in. */
export function setUnauthorizedHandler(handler: (() => void) | undefined) {
  onUnauthorized = handler;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Don't call the unauthorized handler on 401 (login, /me probes). */
  quietUnauthorized?: boolean;
}

/** fetch() with cookies, JSON and XSRF; returns the raw Response when it is OK, else throws ApiError. */
export async function send(method: string, path: string, options: RequestOptions = {}, retried = false): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, text/event-stream', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie(XSRF_COOKIE);
    if (token) headers[XSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0 });
  }

  if (response.ok) return response;
  const error = await toApiError(response);

  // The XSRF token is bound to the session; if it went stale, fetch a fresh one once and retry.
  if (response.status === 403 && !retried && !SAFE_METHODS.has(method) && /csrf|xsrf/i.test(`${error.title} ${error.detail}`)) {
    await fetch('/api/auth/me', { credentials: 'include' }).catch(() => undefined);
    return send(method, path, options, true);
  }
  if (response.status === 401 && !options.quietUnauthorized) onUnauthorized?.();
  throw error;
}

export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let body: Record<string, unknown> = {};
  try {
    const text = await response.text();
    if (text) body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON (a proxy's HTML page): fall back to the status */
  }
  const errors: Record<string, string[]> = {};
  if (body.errors && typeof body.errors === 'object') {
    for (const [key, value] of Object.entries(body.errors as Record<string, unknown>)) {
      errors[key] = Array.isArray(value) ? value.map(String) : [String(value)];
    }
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  return new ApiError({
    status: response.status,
    title: str(body.title),
    detail: str(body.detail) ?? str(body.error) ?? str(body.message),
    errors,
    retryAfterSeconds,
  });
}

export async function requestJson<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
