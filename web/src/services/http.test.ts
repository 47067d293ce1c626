import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../test/fetchMock';
import { ApiError, requestJson, send, setUnauthorizedHandler } from './http';

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(undefined);
});

describe('http', () => {
  it('sends cookies always and the XSRF header (from the readable cookie) on state-changing calls only', async () => {
    document.cookie = 'XSRF-TOKEN=tok%2Ben123; path=/';
    const { fn, calls } = mockFetch({
      'GET /api/x': () => json({ ok: 1 }),
      'POST /api/x': () => json({ ok: 2 }),
      'DELETE /api/x': () => json({}),
    });
    await requestJson('GET', '/api/x');
    await requestJson('POST', '/api/x', { body: { a: 1 } });
    await requestJson('DELETE', '/api/x');
    expect(fn.mock.calls.every(([, init]) => (init as RequestInit).credentials === 'include')).toBe(true);
    expect(calls[0].headers['X-XSRF-TOKEN']).toBeUndefined();
    expect(calls[1].headers['X-XSRF-TOKEN']).toBe('tok+en123');
    expect(calls[1].headers['Content-Type']).toBe('application/json');
    expect(calls[1].body).toEqual({ a: 1 });
    expect(calls[2].headers['X-XSRF-TOKEN']).toBe('tok+en123');
  });

  it('turns ProblemDetails into a readable ApiError with field errors', async () => {
    mockFetch({
      'POST /api/auth/signup': () =>
        json(
          { title: 'Signup details are not valid', status: 400, errors: { password: ['Password must be at least 8 characters.'] } },
          400,
        ),
    });
    const err = await requestJson('POST', '/api/auth/signup', { body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.title).toBe('Signup details are not valid');
    expect(e.errors).toEqual({ password: ['Password must be at least 8 characters.'] });
    expect(e.message).toBe('Password must be at least 8 characters.');
  });

  it('prefers detail, reads Retry-After, and explains non-JSON failures', async () => {
    mockFetch({
      'GET /api/a': () => json({ title: 'Too many requests', detail: 'Slow down.' }, 429, { 'Retry-After': '30' }),
      'GET /api/b': () => new Response('<html>bad gateway</html>', { status: 502 }),
    });
    const a = (await requestJson('GET', '/api/a').catch((e: unknown) => e)) as ApiError;
    expect(a.message).toBe('Slow down.');
    expect(a.retryAfterSeconds).toBe(30);
    const b = (await requestJson('GET', '/api/b').catch((e: unknown) => e)) as ApiError;
    expect(b.message).toMatch(/server had a problem/);
  });

  it('reports an unreachable server as status 0 with a clear message', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const e = (await requestJson('GET', '/api/x').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(0);
    expect(e.message).toMatch(/Cannot reach the Mosaic server/);
  });

  it('refreshes a stale XSRF token once and retries', async () => {
    let attempts = 0;
    const { calls } = mockFetch({
      'POST /api/credentials': () =>
        ++attempts === 1 ? json({ title: 'CSRF token missing or invalid', status: 403 }, 403) : json({ message: 'Credentials saved' }),
      'GET /api/auth/me': () => {
        document.cookie = 'XSRF-TOKEN=fresh; path=/';
        return json({ id: '1' });
      },
    });
    document.cookie = 'XSRF-TOKEN=stale; path=/';
    await expect(requestJson('POST', '/api/credentials', { body: {} })).resolves.toEqual({ message: 'Credentials saved' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/credentials', 'GET /api/auth/me', 'POST /api/credentials']);
    expect(calls[2].headers['X-XSRF-TOKEN']).toBe('fresh');
  });

  it('calls the unauthorized handler on 401 unless told to stay quiet', async () => {
    mockFetch({ 'GET /api/datasources': () => json({ title: 'Unauthorized' }, 401) });
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await send('GET', '/api/datasources').catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
    await send('GET', '/api/datasources', { quietUnauthorized: true }).catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
