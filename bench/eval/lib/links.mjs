// The links an answer carries, and whether each opens: a GET that follows redirects and ends in a 2xx.
// Each URL is fetched once per run.

/** Every http(s) link of the answer: markdown links [text](url), autolinks <url> and bare URLs. */
export function linksIn(answer) {
  const text = String(answer ?? '');
  const urls = new Set();
  for (const m of text.matchAll(/\]\((https?:\/\/[^\s)]+)\)/g)) urls.add(m[1]);
  for (const m of text.matchAll(/<(https?:\/\/[^\s>]+)>/g)) urls.add(m[1]);
  const withoutMarkdown = text.replace(/\]\((https?:\/\/[^\s)]+)\)/g, '](…)').replace(/<(https?:\/\/[^\s>]+)>/g, '');
  for (const m of withoutMarkdown.matchAll(/https?:\/\/[^\s)<>"'`|]+/g)) urls.add(m[0].replace(/[.,;:!?]+$/, ''));
  return [...urls];
}

export class LinkChecker {
  #cache = new Map();

  constructor(timeoutMs = 10_000) {
    this.timeoutMs = timeoutMs;
  }

  /** { url, ok, status } for one link; cached. */
  check(url) {
    if (!this.#cache.has(url)) this.#cache.set(url, this.#get(url));
    return this.#cache.get(url);
  }

  async #get(url) {
    try {
      const r = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(this.timeoutMs) });
      await r.arrayBuffer();
      return { url, ok: r.status >= 200 && r.status < 300, status: r.status };
    } catch (e) {
      return { url, ok: false, status: 0, error: e.cause?.code ?? e.name };
    }
  }
}
