import { describe, expect, it } from 'vitest';
import { readSseStream, SseParser, toJsonEvent } from './sse';

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === 'string' ? enc.encode(c) : c);
      controller.close();
    },
  });
}

async function collect(chunks: (string | Uint8Array)[]) {
  const events: Record<string, unknown>[] = [];
  await readSseStream<Record<string, unknown>>(streamOf(chunks), (e) => events.push(e));
  return events;
}

describe('SseParser', () => {
  it('parses one event per blank-line-terminated block', () => {
    const p = new SseParser();
    expect(p.push('data: {"type":"chunk","content":"a"}\n\ndata: {"type":"done"}\n\n')).toEqual([
      { event: undefined, data: '{"type":"chunk","content":"a"}', id: undefined },
      { event: undefined, data: '{"type":"done"}', id: undefined },
    ]);
  });

  it('reassembles an event split across chunks at every possible position', () => {
    const text = 'data: {"type":"chunk","content":"héllo wörld"}\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const p = new SseParser();
      const out = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))];
      expect(out.map((m) => m.data)).toEqual(['{"type":"chunk","content":"héllo wörld"}']);
    }
  });

  it('joins multi-line data with newlines and ignores comments', () => {
    const p = new SseParser();
    expect(p.push(': keep-alive\ndata: line one\ndata: line two\n\n')).toEqual([
      { event: undefined, data: 'line one\nline two', id: undefined },
    ]);
  });

  it('accepts CRLF and CR line endings, including a CRLF split between chunks', () => {
    const p = new SseParser();
    const out = [...p.push('event: chunk\r\ndata: {"content":"x"}\r'), ...p.push('\n\r\n'), ...p.push('data: 2\r\r')];
    expect(out).toEqual([
      { event: 'chunk', data: '{"content":"x"}', id: undefined },
      { event: undefined, data: '2', id: undefined },
    ]);
  });

  it('does not emit a block with no data lines', () => {
    const p = new SseParser();
    expect(p.push('event: ping\n\n: comment\n\n')).toEqual([]);
  });
});

describe('toJsonEvent', () => {
  it('fills type from a named event when the payload has none', () => {
    expect(toJsonEvent({ event: 'chunk', data: '{"content":"a"}' })).toEqual({ content: 'a', type: 'chunk', event_type: 'chunk' });
  });
  it('keeps the payload type when present and skips non-JSON data', () => {
    expect(toJsonEvent({ event: 'x', data: '{"type":"done"}' })).toEqual({ type: 'done' });
    expect(toJsonEvent({ data: 'not json' })).toBeNull();
  });
});

describe('readSseStream', () => {
  it('delivers events from byte chunks that split JSON and multi-byte characters', async () => {
    const bytes = new TextEncoder().encode('data: {"type":"chunk","content":"€ ok"}\n\ndata: {"type":"done"}\n\n');
    // Split inside the 3-byte euro sign and inside the JSON.
    const events = await collect([bytes.slice(0, 33), bytes.slice(33, 34), bytes.slice(34, 50), bytes.slice(50)]);
    expect(events).toEqual([{ type: 'chunk', content: '€ ok' }, { type: 'done' }]);
  });

  it('delivers a final event whose blank line never arrived', async () => {
    expect(await collect(['data: {"type":"chunk","content":"a"}\n\n', 'data: {"type":"done"}'])).toEqual([
      { type: 'chunk', content: 'a' },
      { type: 'done' },
    ]);
  });

  it('stops reading when aborted', async () => {
    const controller = new AbortController();
    const enc = new TextEncoder();
    let pull = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pull += 1;
        c.enqueue(enc.encode(`data: {"n":${pull}}\n\n`));
      },
    });
    const seen: unknown[] = [];
    await readSseStream<{ n: number }>(
      body,
      (e) => {
        seen.push(e);
        if (e.n === 3) controller.abort();
      },
      controller.signal,
    );
    expect(seen).toHaveLength(3);
  });
});
