import { describe, expect, it } from 'vitest';
import { toStreamEvent } from './agentApi';

describe('agent events in the conversation envelope', () => {
  it("turns a source's tool and approval events into that source's chat events and keeps the agent's stages", () => {
    expect(toStreamEvent({ event_type: 'tool_start', source: 'jira', tool: 'search_issues', arguments: { jql: 'x' } })).toEqual({
      source: 'jira',
      event: { type: 'tool_start', tool: 'search_issues', arguments: { jql: 'x' } },
    });
    expect(toStreamEvent({ event_type: 'approval_resolved', source: 'slack', approval_id: 'a1', status: 'refused' })).toEqual({
      source: 'slack',
      event: { type: 'approval_resolved', approval_id: 'a1', status: 'refused' },
    });
    expect(toStreamEvent({ event_type: 'synthesis_chunk', chunk: 'Hi' })).toEqual({ event: { type: 'chunk', content: 'Hi' } });
    expect(toStreamEvent({ event_type: 'source_start', source: 'github' })).toEqual({
      agent: { event_type: 'source_start', source: 'github' },
    });
    expect(toStreamEvent({ event_type: 'later_kind' } as never)).toBeNull();
  });

  it("passes a source's connect_required on as a chat event", () => {
    const ev = { event_type: 'connect_required', source: 'acme_docs', datasource: 'acme_docs', name: 'Acme Docs', reason: 'Sign in.' };
    expect(toStreamEvent(ev as never)).toEqual({
      source: 'acme_docs',
      event: { type: 'connect_required', datasource: 'acme_docs', name: 'Acme Docs', reason: 'Sign in.' },
    });
    expect(toStreamEvent({ event_type: 'connect_required', name: 'x' } as never)).toBeNull();
  });
});
