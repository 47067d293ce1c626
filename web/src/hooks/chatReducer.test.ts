import { describe, expect, it } from 'vitest';
import type { ChatEvent, StoredMessage, StreamEvent } from '../types';
import { applyStreamEvent, newAssistantMessage } from './chatReducer';
import { storedToChatMessage as fromStored } from './useChat';

// Fixtures carry only the fields each case is about.
const chat = (event: object): StreamEvent => ({ event: event as ChatEvent });
const storedToChatMessage = (m: object) => fromStored(m as StoredMessage);

describe('chat reducer', () => {
  it('matches tool_end to the running call and keeps the server duration', () => {
    let m = newAssistantMessage();
    m = applyStreamEvent(m, chat({ type: 'tool_start', tool: 'list_buckets', arguments: {} }), 1000);
    m = applyStreamEvent(m, chat({ type: 'tool_start', tool: 'list_objects', arguments: { bucket: 'a' } }), 1100);
    m = applyStreamEvent(
      m,
      chat({ type: 'tool_end', tool: 'list_objects', success: false, duration_ms: 50, error: 'S3 says: NoSuchBucket' }),
      1200,
    );
    m = applyStreamEvent(m, chat({ type: 'tool_end', tool: 'list_buckets', success: true }), 1500);
    expect(m.tools.map((t) => [t.tool, t.status, t.durationMs, t.error])).toEqual([
      ['list_buckets', 'success', 500, undefined],
      ['list_objects', 'error', 50, 'S3 says: NoSuchBucket'],
    ]);
  });

  it('fills the tool list from done metadata when no tool events streamed', () => {
    const m = applyStreamEvent(
      newAssistantMessage(),
      chat({
        type: 'done',
        metadata: {
          tools_used: [
            { tool: 'query_jira', arguments: { jql: 'project = ACME' }, success: true, duration_ms: 80, from_cache: true },
            { tool: 'create_issue', success: false, approval: 'refused' },
          ],
        },
      }),
    );
    expect(m.status).toBe('done');
    expect(m.tools.map((t) => [t.tool, t.status, t.durationMs, t.fromCache])).toEqual([
      ['query_jira', 'success', 80, true],
      ['create_issue', 'denied', undefined, undefined],
    ]);
  });

  it('turns a stored session message (server shape) into a chat message with its source and tools', () => {
    const m = storedToChatMessage({
      id: 'm1',
      role: 'assistant',
      content: 'Found 2 buckets.',
      datasource: 's3',
      created_at: '2026-11-26T10:00:00Z',
      metadata: {
        datasource: 's3',
        tools_used: [{ tool: 'list_buckets', success: true, duration_ms: 12 }],
        tier: 'offline',
        provider: 'offline',
      },
    });
    expect(m).toMatchObject({ role: 'assistant', content: 'Found 2 buckets.', status: 'done', sources: ['s3'] });
    expect(m.tools[0]).toMatchObject({ tool: 'list_buckets', status: 'success', durationMs: 12 });
    expect(storedToChatMessage({ role: 'user', content: 'hi', datasource: 's3' }).sources).toBeUndefined();
  });

  it("keeps the server's in-progress and interrupted marks on stored answers, with no source credited", () => {
    const interrupted = storedToChatMessage({ role: 'assistant', content: '', datasource: 's3', status: 'interrupted', metadata: null });
    expect(interrupted).toMatchObject({ status: 'interrupted', sources: undefined });
    expect(storedToChatMessage({ role: 'assistant', content: '', datasource: 's3', status: 'in_progress' }).status).toBe('pending');
    expect(storedToChatMessage({ role: 'assistant', content: 'Done.', datasource: 's3', status: null }).status).toBe('done');
  });

  it('collects connect_required prompts, one per source, next to whatever else the answer has', () => {
    let m = newAssistantMessage();
    const reason = 'Google refused the saved authorization: reconnect Google.';
    m = applyStreamEvent(m, chat({ type: 'connect_required', datasource: 'google_workspace', name: 'Google', reason: 'first' }));
    m = applyStreamEvent(m, chat({ type: 'connect_required', datasource: 'google_workspace', name: 'Google', reason }));
    m = applyStreamEvent(m, chat({ type: 'connect_required', datasource: 'acme_docs', name: 'Acme Docs', reason: '' }));
    m = applyStreamEvent(m, chat({ type: 'chunk', content: 'I could not read your mail.' }));
    expect(m.connect).toEqual([
      { datasource: 'google_workspace', name: 'Google', reason },
      { datasource: 'acme_docs', name: 'Acme Docs', reason: '' },
    ]);
    expect(m.content).toBe('I could not read your mail.');
    expect(applyStreamEvent(newAssistantMessage(), chat({ type: 'connect_required', name: 'x' })).connect).toBeUndefined();
  });
});
