import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThemeProvider } from '../contexts/ThemeContext';
import { controllableStream, json, mockFetch } from '../test/fetchMock';
import type { Datasource } from '../types';
import { ChatInterface } from './ChatInterface';

afterEach(() => vi.unstubAllGlobals());

const slack: Datasource = {
  id: 'slack',
  name: 'Slack',
  description: 'Search messages',
  icon: 'slack',
  accent: null,
  accent_dark: null,
  enabled: true,
  configured: true,
  credential_fields: [],
  credential_rules: [],
  examples: ['Read the latest messages in #checkout-eng', 'Search messages for "checkout"', 'Which channels can I see?'],
};
const jira: Datasource = { ...slack, id: 'jira', name: 'Jira', icon: 'jira' };
const names = (id: string) => ({ slack: 'Slack', jira: 'Jira', all: 'All sources' })[id] ?? id;

function renderChat(datasource: string, datasources: Datasource[] = [slack, jira]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ThemeProvider>
        <ChatInterface
          datasource={datasource}
          datasources={datasources}
          sourceName={names}
          onNewChat={() => {}}
          onOpenSettings={() => {}}
          onOpenSidebar={() => {}}
        />
      </ThemeProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

describe('ChatInterface', () => {
  it('offers example questions, streams the answer with tool activity, and sends the session id next time', async () => {
    const streams: ReturnType<typeof controllableStream>[] = [];
    const { calls } = mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'offline', model: null, offline: true }),
      'POST /api/chat/message/stream': () => {
        const s = controllableStream();
        streams.push(s);
        return s.response;
      },
    });
    const user = renderChat('slack');
    expect(await screen.findByText(/Offline mode/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Read the latest messages in #checkout-eng/ }));
    await waitFor(() => expect(streams).toHaveLength(1));
    const s = streams[0];
    s.event({ type: 'session_id', session_id: 'sess-1' });
    s.event({ type: 'tool_start', tool: 'read_messages', arguments: { channel: '#checkout-eng' } });
    expect(await screen.findByText('Read messages')).toBeInTheDocument();
    // An event split across two network chunks.
    s.push('data: {"type":"tool_end","tool":"read_messages","succ');
    s.push('ess":true,"duration_ms":812}\n\n');
    s.event({ type: 'chunk', content: 'The team is **fixing** ' });
    s.event({ type: 'chunk', content: 'the checkout bug.' });
    s.event({ type: 'done', metadata: { tools_used: ['read_messages'], tier: 'direct', provider: 'offline', duration_ms: 900 } });
    s.close();

    expect(await screen.findByText('fixing')).toBeInTheDocument();
    expect(screen.getByText(/the checkout bug\./)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send message' })).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: /Activity/ }));
    expect(screen.getByText('812 ms')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Sources' })).getByText('Slack')).toBeInTheDocument();

    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ message: 'Read the latest messages in #checkout-eng', datasource: 'slack' });

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'And yesterday?{Enter}');
    await waitFor(() => expect(streams).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')[1].body).toEqual({
      message: 'And yesterday?',
      datasource: 'slack',
      session_id: 'sess-1',
    });
  });

  it('Shift+Enter adds a line; Stop aborts the stream and keeps what arrived', async () => {
    const streams: ReturnType<typeof controllableStream>[] = [];
    let signal: AbortSignal | undefined;
    mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'anthropic', model: 'claude', offline: false }),
      'POST /api/chat/message/stream': () => {
        const s = controllableStream();
        streams.push(s);
        return s.response;
      },
    });
    const fetchMock = globalThis.fetch as unknown as ReturnType<typeof vi.fn>;
    const user = renderChat('slack');
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, 'line one{Shift>}{Enter}{/Shift}line two');
    expect(box).toHaveValue('line one\nline two');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(streams).toHaveLength(1));
    signal = (fetchMock.mock.calls.find(([, init]) => (init as RequestInit)?.method === 'POST')![1] as RequestInit).signal!;
    streams[0].event({ type: 'chunk', content: 'Partial answer' });
    expect(await screen.findByText('Partial answer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stop generating' }));
    expect(signal.aborted).toBe(true);
    expect(await screen.findByText('Stopped.')).toBeInTheDocument();
    expect(screen.getByText('Partial answer')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send message' })).toBeInTheDocument();
  });

  it('asks before a write tool runs and posts the decision', async () => {
    const streams: ReturnType<typeof controllableStream>[] = [];
    const { calls } = mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'offline', offline: true }),
      'POST /api/chat/message/stream': () => {
        const s = controllableStream();
        streams.push(s);
        return s.response;
      },
      'POST /api/chat/approvals/ap-7': () => json({ message: 'ok' }),
    });
    const user = renderChat('slack');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Tell #checkout-eng the fix is out{Enter}');
    await waitFor(() => expect(streams).toHaveLength(1));
    streams[0].event({ type: 'tool_start', tool: 'send_message', arguments: { channel: '#checkout-eng', text: 'Fix is out' } });
    streams[0].event({
      type: 'approval_required',
      approval_id: 'ap-7',
      tool: 'send_message',
      arguments: { channel: '#checkout-eng', text: 'Fix is out' },
    });
    const dialog = await screen.findByRole('dialog', { name: /Approve this action/ });
    expect(within(dialog).getByTestId('approval-arguments')).toHaveTextContent('#checkout-eng');
    await user.click(within(dialog).getByRole('button', { name: 'Deny' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.url === '/api/chat/approvals/ap-7')?.body).toEqual({ approved: false });
    expect(screen.getByText('denied')).toBeInTheDocument();
    streams[0].event({ type: 'chunk', content: 'Okay, I did not send it.' });
    streams[0].event({ type: 'done', metadata: {} });
    streams[0].close();
    expect(await screen.findByText('Okay, I did not send it.')).toBeInTheDocument();
  });

  it('all sources: shows the plan with confidences, per-source progress and an attributed answer', async () => {
    const streams: ReturnType<typeof controllableStream>[] = [];
    const { calls } = mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'offline', offline: true }),
      'POST /api/agent/query/stream': () => {
        const s = controllableStream();
        streams.push(s);
        return s.response;
      },
    });
    const user = renderChat('all');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), "What's going on with the checkout bug?{Enter}");
    await waitFor(() => expect(streams).toHaveLength(1));
    const s = streams[0];
    s.event({ event_type: 'planning' });
    expect(await screen.findByText('Choosing sources')).toBeInTheDocument();
    s.event({
      event_type: 'plan_complete',
      sources: [
        { source: 'slack', confidence: 0.9, reasoning: 'Discussed in #checkout-eng' },
        { source: 'jira', confidence: 0.75 },
      ],
      reasoning: 'Bug tracking and chat',
    });
    s.event({ event_type: 'source_start', source: 'slack' });
    s.event({ event_type: 'source_start', source: 'jira' });
    expect(await screen.findByText('90% confidence')).toBeInTheDocument();
    expect(screen.getByText('75% confidence')).toBeInTheDocument();
    s.event({ event_type: 'source_complete', source: 'slack', success: true });
    s.event({ event_type: 'source_complete', source: 'jira', success: false, error: 'Jira says: 401 Unauthorized' });
    expect(await screen.findByText('Jira says: 401 Unauthorized')).toBeInTheDocument();
    expect(screen.getByText(/1 of 2 sources done|2 of 2 sources done/)).toBeInTheDocument();
    s.event({ event_type: 'synthesizing' });
    s.event({ event_type: 'synthesis_chunk', chunk: 'Per Slack, a fix is in review.' });
    s.event({
      event_type: 'done',
      result: { response: 'Per Slack, a fix is in review.', successful_sources: ['slack'], failed_sources: ['jira'], source_results: [] },
    });
    s.close();
    expect(await screen.findByText('Per Slack, a fix is in review.')).toBeInTheDocument();
    const sources = await screen.findByRole('list', { name: 'Sources' });
    expect(within(sources).getByText('Slack')).toBeInTheDocument();
    expect(within(sources).getByText(/Jira/)).toHaveTextContent('Jira failed');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ include_plan: true, query: "What's going on with the checkout bug?" });
  });

  it('shows a readable error when the server refuses the message', async () => {
    mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'offline', offline: true }),
      'POST /api/chat/message/stream': () =>
        json({ title: 'Bad request', detail: 'Message is too long (max 8000 characters).', status: 400 }, 400),
    });
    const user = renderChat('slack');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hello{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Message is too long (max 8000 characters).');
  });

  it('asks to connect a source that is not configured', () => {
    mockFetch({ 'GET /api/chat/providers': () => json({ provider: 'offline', offline: true }) });
    renderChat('slack', [{ ...slack, configured: false }]);
    expect(screen.getByRole('button', { name: 'Connect Slack' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  });
});

describe('ChatInterface approvals', () => {
  it('keeps the stream open while the person decides and shows the rest of the answer on it after the approval', async () => {
    const streams: ReturnType<typeof controllableStream>[] = [];
    const { calls } = mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'offline', offline: true }),
      'POST /api/chat/message/stream': () => {
        const s = controllableStream();
        streams.push(s);
        return s.response;
      },
      'POST /api/chat/approvals/ap-9': () => json({ approval_id: 'ap-9', status: 'approved' }),
    });
    const user = renderChat('jira');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'File a bug for the flaky test{Enter}');
    await waitFor(() => expect(streams).toHaveLength(1));
    const s = streams[0];
    s.event({ type: 'tool_start', tool: 'create_issue', arguments: { project: 'ACME', summary: 'Flaky test' } });
    s.event({
      type: 'approval_required',
      approval_id: 'ap-9',
      tool: 'create_issue',
      arguments: { project: 'ACME', summary: 'Flaky test' },
    });
    const dialog = await screen.findByRole('dialog', { name: /Approve this action/ });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(calls.find((c) => c.url === '/api/chat/approvals/ap-9')?.body).toEqual({ approved: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    s.event({ type: 'approval_resolved', approval_id: 'ap-9', status: 'approved' });
    s.event({ type: 'tool_end', tool: 'create_issue', success: true, duration_ms: 640 });
    s.event({ type: 'chunk', content: 'Created **ACME-151**.' });
    s.event({ type: 'done', metadata: { tools_used: [] } });
    s.close();
    expect(await screen.findByText('ACME-151')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send message' })).toBeInTheDocument());
  });

  it('closes the question when the stream ends before the answer: nobody can approve it any more', async () => {
    const enc = new TextEncoder();
    mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'offline', offline: true }),
      'POST /api/chat/message/stream': () =>
        new Response(
          new ReadableStream({
            start(c) {
              const ask = { type: 'approval_required', approval_id: 'ap-3', tool: 'create_issue', arguments: { project: 'ACME' } };
              c.enqueue(enc.encode(`data: ${JSON.stringify(ask)}\n\n`));
              c.close();
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        ),
    });
    const user = renderChat('jira');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'File a bug{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The connection closed before the answer finished.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('ChatInterface server details', () => {
  it('closes the approval dialog when the server reports it expired, and marks the tool', async () => {
    const streams: ReturnType<typeof controllableStream>[] = [];
    mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'offline', offline: true }),
      'POST /api/chat/message/stream': () => {
        const s = controllableStream();
        streams.push(s);
        return s.response;
      },
    });
    const user = renderChat('slack');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Post it{Enter}');
    await waitFor(() => expect(streams).toHaveLength(1));
    streams[0].event({ type: 'tool_start', tool: 'send_message', arguments: { channel: '#general' } });
    streams[0].event({
      type: 'approval_required',
      approval_id: 'ap-1',
      tool: 'send_message',
      arguments: { channel: '#general' },
      expires_at: new Date(Date.now() + 300_000).toISOString(),
    });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Expires in [45]:\d\d/)).toBeInTheDocument();
    streams[0].event({ type: 'approval_resolved', approval_id: 'ap-1', status: 'expired' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('not answered in time')).toBeInTheDocument();
    streams[0].close();
  });

  it('lists tool calls from done metadata and offers settings when the source is not configured', async () => {
    const onOpenSettings = vi.fn();
    mockFetch({
      'GET /api/chat/providers': () => json({ provider: 'offline', offline: true }),
      'POST /api/chat/message/stream': () =>
        new Response(
          'data: {"type":"error","error":"Slack is not connected: add its credentials in Settings.","code":"not_configured"}\n\n',
          { headers: { 'Content-Type': 'text/event-stream' } },
        ),
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ThemeProvider>
          <ChatInterface
            datasource="slack"
            datasources={[slack]}
            sourceName={names}
            onNewChat={() => {}}
            onOpenSettings={onOpenSettings}
            onOpenSidebar={() => {}}
          />
        </ThemeProvider>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'hi{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Slack is not connected');
    await user.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenSettings).toHaveBeenCalledWith('slack');
  });
});
