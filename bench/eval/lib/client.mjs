// A signed-in client of a Mosaic server: the session cookie, and the XSRF-TOKEN cookie echoed as X-XSRF-TOKEN.

export class MosaicClient {
  #cookies = new Map();

  constructor(base) {
    this.base = base.replace(/\/+$/, '');
  }

  #remember(response) {
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.#cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  async call(method, path, body, timeoutMs = 180_000) {
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#cookies.size) headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.#cookies.get('XSRF-TOKEN');
    if (xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    const response = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    this.#remember(response);
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: reported below */
    }
    if (!response.ok) {
      const detail = json?.detail ?? json?.title ?? text.slice(0, 200);
      throw new Error(`${method} ${path}: HTTP ${response.status} ${detail}`);
    }
    return json;
  }

  async login(email, password) {
    await this.call('POST', '/api/auth/login', { email, password });
    await this.call('GET', '/api/auth/me'); // sets the XSRF-TOKEN cookie
  }

  /** The provider answering (offline, openai, anthropic…) and its model, for the report. */
  provider() {
    return this.call('GET', '/api/chat/providers');
  }

  /**
   * Asks one question in a fresh session: a source's chat, or the agent ("all").
   * Returns { answer, answering: [source ids], ms }.
   */
  async ask(question) {
    const started = performance.now();
    if (question.source === 'all') {
      const r = await this.call('POST', '/api/agent/query', { query: question.question });
      const answering = (r.source_results ?? []).filter((s) => s.success && String(s.response ?? '').trim()).map((s) => s.source);
      return { answer: r.response ?? '', answering, ms: performance.now() - started };
    }
    const r = await this.call('POST', '/api/chat/message', { message: question.question, datasource: question.source });
    return { answer: r.response ?? '', answering: [question.source], ms: performance.now() - started };
  }
}
