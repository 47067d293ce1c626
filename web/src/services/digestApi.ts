// "What You Missed" (GET /api/digest). The digest's shape is still settling on the server, so this
// accepts several layouts and normalises them into sections of items.
import type { Digest, DigestItem, DigestSection } from '../types';
import { requestJson } from './http';

export interface DigestQuery {
  since?: string;
  hours?: number;
  refresh?: boolean;
}

export async function fetchDigest(query: DigestQuery, signal?: AbortSignal): Promise<Digest> {
  const params = new URLSearchParams();
  if (query.since) params.set('since', query.since);
  if (query.hours) params.set('hours', String(query.hours));
  if (query.refresh) params.set('refresh', 'true');
  const qs = params.toString();
  const raw = await requestJson<unknown>('GET', `/api/digest${qs ? `?${qs}` : ''}`, { signal });
  return normalizeDigest(raw);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (...values: unknown[]) => values.find((v): v is string => typeof v === 'string' && v.trim() !== '');

const HIGH = new Set(['high', 'urgent', 'critical', 'p0', 'p1', 'blocker']);

function toItem(raw: unknown, source: string, index: number): DigestItem | null {
  if (typeof raw === 'string') return { id: `${source}-${index}`, title: raw, source, actionable: false };
  if (!isObj(raw)) return null;
  const title = str(raw.title, raw.subject, raw.summary, raw.text, raw.name, raw.message);
  if (!title) return null;
  const priority = str(raw.priority, raw.severity, raw.importance);
  const actionable = raw.actionable === true || raw.action_required === true || raw.needs_action === true
    || (priority !== undefined && HIGH.has(priority.toLowerCase()));
  const summary = str(raw.summary, raw.snippet, raw.description, raw.text, raw.body);
  return {
    id: String(raw.id ?? `${source}-${index}`),
    title,
    url: str(raw.url, raw.link, raw.permalink, raw.html_url),
    source: str(raw.source, raw.datasource) ?? source,
    summary: summary !== title ? summary : undefined,
    timestamp: str(raw.timestamp, raw.updated_at, raw.created_at, raw.date, raw.time),
    actionable,
    priority,
    author: str(raw.author, raw.user, raw.from, raw.assignee),
  };
}

function toSection(raw: unknown, fallbackSource: string): DigestSection | null {
  if (Array.isArray(raw)) raw = { items: raw };
  if (!isObj(raw)) return null;
  const source = str(raw.source, raw.datasource, raw.id) ?? fallbackSource;
  const list = [raw.items, raw.highlights, raw.updates, raw.events, raw.results].find(Array.isArray) as unknown[] | undefined;
  const items = (list ?? []).map((x, i) => toItem(x, source, i)).filter((x): x is DigestItem => x !== null);
  return {
    source,
    title: str(raw.title, raw.name),
    summary: str(raw.summary, raw.text),
    error: str(raw.error),
    items,
  };
}

export function normalizeDigest(raw: unknown): Digest {
  const root: Obj = isObj(raw) ? (isObj(raw.digest) ? raw.digest : raw) : { items: Array.isArray(raw) ? raw : [] };
  let sections: DigestSection[] = [];

  if (Array.isArray(root.sections)) {
    sections = root.sections.map((s, i) => toSection(s, `source-${i}`)).filter((s): s is DigestSection => s !== null);
  } else if (isObj(root.sources) || isObj(root.by_source)) {
    const map = (isObj(root.sources) ? root.sources : root.by_source) as Obj;
    sections = Object.entries(map).map(([key, value]) => toSection(value, key)).filter((s): s is DigestSection => s !== null);
  } else if (Array.isArray(root.sources)) {
    sections = root.sources.map((s, i) => toSection(s, `source-${i}`)).filter((s): s is DigestSection => s !== null);
  } else if (Array.isArray(root.items)) {
    // A flat list: group by each item's source.
    const groups = new Map<string, DigestItem[]>();
    root.items.forEach((x, i) => {
      const item = toItem(x, 'other', i);
      if (!item) return;
      groups.set(item.source, [...(groups.get(item.source) ?? []), item]);
    });
    sections = [...groups].map(([source, items]) => ({ source, items }));
  }

  for (const section of sections) {
    // Actionable first, then newest first.
    section.items.sort((a, b) => Number(b.actionable) - Number(a.actionable) || (Date.parse(b.timestamp ?? '') || 0) - (Date.parse(a.timestamp ?? '') || 0));
  }
  sections.sort((a, b) => b.items.filter((i) => i.actionable).length - a.items.filter((i) => i.actionable).length);

  return {
    summary: str(root.summary, root.overview, root.text),
    since: str(root.since, root.period_start),
    generatedAt: str(root.generated_at, root.created_at),
    sections,
  };
}
