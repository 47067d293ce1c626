/** A duration_ms (fractional since the server measures in microseconds): "0.4 ms", "2.5 ms", "12 ms", "1.3 s". */
export function formatDuration(ms?: number): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms <= 0) return '0 ms';
  if (ms < 0.05) return '< 0.1 ms';
  if (ms < 9.95) return `${Number(ms.toFixed(1))} ms`;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** How long ago `iso` was ("5 min ago", "3 h ago"), or how far ahead ("in 3 h") for what is still to come, such as a meeting. */
export function timeAgo(iso?: string | null, now = Date.now()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.round((now - t) / 1000);
  if (s <= -45) {
    const ahead = -s;
    if (ahead < 3600) return `in ${Math.round(ahead / 60)} min`;
    if (ahead < 86_400) return `in ${Math.round(ahead / 3600)} h`;
    if (ahead < 7 * 86_400) return `in ${Math.round(ahead / 86_400)} d`;
    return new Date(t).toLocaleDateString();
  }
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  if (s < 7 * 86_400) return `${Math.round(s / 86_400)} d ago`;
  return new Date(t).toLocaleDateString();
}

/** Pretty JSON for tool arguments; strings shown as they are. */
export function formatArguments(args: unknown): string {
  if (args === undefined || args === null) return '';
  if (typeof args === 'string') {
    try {
      return JSON.stringify(JSON.parse(args), null, 2);
    } catch {
      return args;
    }
  }
  try {
    return JSON.stringify(args, null, 2);
  } catch {
    return String(args);
  }
}

/** A one-line preview of tool arguments, e.g. `channel: "#general", limit: 20`. */
export function argumentsPreview(args: unknown, max = 80): string {
  let obj: unknown = args;
  if (typeof args === 'string') {
    try {
      obj = JSON.parse(args);
    } catch {
      return args.slice(0, max);
    }
  }
  if (!obj || typeof obj !== 'object') return '';
  const text = Object.entries(obj as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? '')}`)
    .join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function humanizeTool(tool: string): string {
  const t = tool.replace(/^[a-z0-9]+__/i, '').replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

let counter = 0;
export function newId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
