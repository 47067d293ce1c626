// "What You Missed": GET /api/digest/stream sends the sources it will read, then each source's section as
// soon as that source answers, then the whole digest (summary included). The wire is snake_case; this
// maps it to the UI's shapes and keeps the server's order (actionable first).
import type { Digest, DigestEvent, DigestItem, DigestSection } from '../types';
import type { DigestReconnect } from '../types/oauth';
import { ApiError, send } from './http';
import { readSseStream } from './sse';

export interface DigestQuery {
  /** ISO time; without since or hours the server uses the previous login. */
  since?: string;
  hours?: number;
  refresh?: boolean;
}

export interface DigestStreamHandlers {
  onStart?: (since: string, sources: string[]) => void;
  onSection?: (section: DigestSection) => void;
  onDone?: (digest: Digest) => void;
}

export function digestPath(query: DigestQuery, stream = false): string {
  const params = new URLSearchParams();
  if (query.since) params.set('since', query.since);
  if (query.hours) params.set('hours', String(query.hours));
  if (query.refresh) params.set('refresh', 'true');
  const qs = params.toString();
  return `/api/digest${stream ? '/stream' : ''}${qs ? `?${qs}` : ''}`;
}

/** Reads the digest stream; resolves with the finished digest, throws ApiError on a server error. */
export async function streamDigest(query: DigestQuery, handlers: DigestStreamHandlers, signal?: AbortSignal): Promise<Digest> {
  const response = await send('GET', digestPath(query, true), { signal });
  if (!response.body) throw new ApiError({ status: response.status, detail: 'The server sent no stream.' });
  let done: Digest | undefined;
  let failure: string | undefined;
  await readSseStream<DigestEvent>(
    response.body,
    (ev) => {
      if (ev.event_type === 'digest_start') handlers.onStart?.(ev.since, ev.sources ?? []);
      else if (ev.event_type === 'section') {
        const s = toSection(ev.section);
        if (s) handlers.onSection?.(s);
      } else if (ev.event_type === 'done') {
        done = toDigest(ev.digest);
        handlers.onDone?.(done);
      } else if (ev.event_type === 'error') failure = ev.error;
    },
    signal,
  );
  if (done) return done;
  throw new ApiError({ status: 0, detail: failure ?? 'The digest stopped before it finished. Try Refresh.' });
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const webLink = (v: unknown) => {
  const s = text(v);
  return s && /^https?:\/\//i.test(s) ? s : undefined;
};

export function toItem(raw: unknown): DigestItem | null {
  if (!isObj(raw) || !text(raw.title) || !text(raw.source)) return null;
  return {
    id: String(raw.id ?? `${raw.source}-${raw.title}`),
    title: raw.title as string,
    url: webLink(raw.url),
    source: raw.source as string,
    kind: text(raw.kind) ?? 'update',
    actionable: raw.actionable === true,
    priority: text(raw.priority) ?? 'low',
    timestamp: text(raw.timestamp),
    summary: text(raw.summary),
    author: text(raw.author),
  };
}

export function toSection(raw: unknown): DigestSection | null {
  if (!isObj(raw) || !text(raw.source)) return null;
  const items = (Array.isArray(raw.items) ? raw.items : []).map(toItem).filter((i): i is DigestItem => i !== null);
  return {
    source: raw.source as string,
    title: text(raw.title) ?? (raw.source as string),
    items,
    error: text(raw.error),
    durationMs: typeof raw.duration_ms === 'number' ? raw.duration_ms : undefined,
  };
}

export function toDigest(raw: unknown): Digest {
  const root = isObj(raw) ? raw : {};
  const sections = (Array.isArray(root.sections) ? root.sections : []).map(toSection).filter((s): s is DigestSection => s !== null);
  return {
    since: text(root.since) ?? '',
    generatedAt: text(root.generated_at) ?? '',
    summary: text(root.summary) ?? '',
    summaryMethod: text(root.summary_method) ?? 'grouped',
    sections,
    actionableCount:
      typeof root.actionable_count === 'number'
        ? root.actionable_count
        : sections.reduce((n, s) => n + s.items.filter((i) => i.actionable).length, 0),
    fromCache: root.from_cache === true,
    reconnect: (Array.isArray(root.reconnect) ? root.reconnect : []).map(toReconnect).filter((r): r is DigestReconnect => r !== null),
  };
}

export function toReconnect(raw: unknown): DigestReconnect | null {
  if (!isObj(raw) || !text(raw.datasource)) return null;
  const name = text(raw.name) ?? (raw.datasource as string);
  return { datasource: raw.datasource as string, name, message: text(raw.message) ?? `Reconnect ${name} to see what is new there.` };
}

/** Sections with things to act on first, then the busiest; the order the server uses for the finished digest. */
export function orderSections(sections: DigestSection[]): DigestSection[] {
  const action = (s: DigestSection) => s.items.filter((i) => i.actionable).length;
  return [...sections].sort((a, b) => action(b) - action(a) || b.items.length - a.items.length);
}

/** "review_requested" → "Review requested". */
export function kindLabel(kind: string): string {
  const words = kind.replace(/_/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Update';
}
