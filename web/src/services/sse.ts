// A Server-Sent Events reader for fetch() responses (EventSource cannot POST or send headers).
// Follows the WHATWG event-stream rules: LF, CR or CRLF line ends (even when a CRLF is split across
// chunks), multi-line `data:` joined with "\n", `:` comment lines ignored, dispatch on a blank line.

export interface SseMessage {
  event?: string;
  data: string;
  id?: string;
}

export class SseParser {
  private buffer = '';
  private skipLeadingLf = false;
  private data: string[] = [];
  private event: string | undefined;
  private id: string | undefined;

  /** Feeds decoded text; returns the events it completed. */
  push(text: string): SseMessage[] {
    const out: SseMessage[] = [];
    let input = text;
    if (this.skipLeadingLf && input.startsWith('\n')) input = input.slice(1);
    this.skipLeadingLf = false;
    this.buffer += input;

    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      this.line(this.buffer.slice(start, i), out);
      if (ch === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.skipLeadingLf = true; // the LF of a CRLF may arrive in the next chunk
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  private line(line: string, out: SseMessage[]) {
    if (line === '') {
      if (this.data.length > 0) out.push({ event: this.event, data: this.data.join('\n'), id: this.id });
      this.data = [];
      this.event = undefined;
      return;
    }
    if (line.startsWith(':')) return; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id') this.id = value;
  }
}

/** Parses an event's data as JSON; a named SSE event fills in `type` when the payload has none. */
export function toJsonEvent<T>(message: SseMessage): T | null {
  let payload: unknown;
  try {
    payload = JSON.parse(message.data);
  } catch {
    return null; // not JSON: ignore rather than break the stream
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const obj = payload as Record<string, unknown>;
  if (message.event && message.event !== 'message' && obj.type === undefined && obj.event_type === undefined) {
    obj.type = message.event;
    obj.event_type = message.event;
  }
  return obj as T;
}

/** Reads a fetch body as SSE until it ends or the signal aborts; calls onEvent for each JSON event. */
export async function readSseStream<T>(body: ReadableStream<Uint8Array>, onEvent: (event: T) => void, signal?: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = new SseParser();
  const cancel = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // stream: true keeps a multi-byte character split across chunks intact.
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        const event = toJsonEvent<T>(message);
        if (event) onEvent(event);
      }
      if (signal?.aborted) break;
    }
    for (const message of parser.push(decoder.decode() + '\n\n')) {
      // A server that closes without the final blank line still gets its last event delivered.
      const event = toJsonEvent<T>(message);
      if (event) onEvent(event);
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    try {
      reader.releaseLock();
    } catch {
      /* already released or cancelled */
    }
  }
}
