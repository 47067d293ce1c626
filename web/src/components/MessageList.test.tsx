import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../types';
import { MessageList } from './MessageList';

const name = (id: string) => ({ slack: 'Slack', jira: 'Jira', github: 'GitHub' })[id] ?? id;

function assistant(content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `a-${Math.random()}`, role: 'assistant', content, createdAt: 0, status: 'done', tools: [], ...extra };
}

describe('MessageList', () => {
  it('renders markdown: headings, lists, tables, code blocks and safe links', () => {
    const md = [
      '## Open bugs',
      '- **ACME-142** checkout fails',
      '',
      '| Key | Status |',
      '| --- | --- |',
      '| ACME-142 | In Progress |',
      '',
      '```sql',
      'SELECT * FROM orders;',
      '```',
      '',
      'See [the issue](https://github.com/acme/storefront/issues/87).',
    ].join('\n');
    const { container } = render(<MessageList messages={[assistant(md)]} sourceName={name} />);
    expect(screen.getByRole('heading', { name: 'Open bugs' })).toBeInTheDocument();
    expect(container.querySelector('strong')?.textContent).toBe('ACME-142');
    const table = screen.getByRole('table');
    expect(within(table).getByText('In Progress')).toBeInTheDocument();
    // A wide table scrolls sideways: its box is a named region the keyboard can reach.
    const scroller = screen.getByRole('region', { name: 'Table' });
    expect(scroller).toContainElement(table);
    expect(scroller).toHaveAttribute('tabindex', '0');
    expect(container.querySelector('pre code')?.textContent).toContain('SELECT * FROM orders;');
    expect(screen.getByText('sql')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'the issue' });
    expect(link).toHaveAttribute('href', 'https://github.com/acme/storefront/issues/87');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('never puts raw HTML from a message into the DOM', () => {
    const evil = [
      'Hello <script>window.__pwned = true</script>',
      '<img src="x" onerror="window.__pwned = true">',
      '<iframe src="https://evil.example"></iframe>',
      '<a href="https://evil.example" onclick="steal()">click</a>',
      '[bad link](javascript:alert(1))',
      '<div style="position:fixed">overlay</div>',
    ].join('\n\n');
    const { container } = render(<MessageList messages={[assistant(evil)]} sourceName={name} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('[onclick]')).toBeNull();
    expect(container.querySelector('[style*="position"]')).toBeNull();
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^javascript:/i);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('does not load images from answers (tracking pixels), shows their alt text instead', () => {
    const { container } = render(<MessageList messages={[assistant('![diagram](https://tracker.example/p.png)')]} sourceName={name} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('[image: diagram]')).toBeInTheDocument();
  });

  it('shows the user message as plain text, never as markup', () => {
    const { container } = render(
      <MessageList messages={[{ id: 'u', role: 'user', content: '<b>hi</b> **there**', createdAt: 0, tools: [] }]} sourceName={name} />,
    );
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<b>hi</b> **there**')).toBeInTheDocument();
  });

  it('lists the sources an answer came from, and the ones that failed', () => {
    render(
      <MessageList
        messages={[assistant('Combined answer', { sources: ['slack', 'jira'], failedSources: ['github'] })]}
        sourceName={name}
      />,
    );
    const sources = screen.getByRole('list', { name: 'Sources' });
    expect(within(sources).getByText('Slack')).toBeInTheDocument();
    expect(within(sources).getByText('Jira')).toBeInTheDocument();
    expect(within(sources).getByText(/GitHub/)).toHaveTextContent('GitHub failed');
  });

  it('shows a thinking indicator before the first chunk and the error when a stream fails', () => {
    const { rerender } = render(<MessageList messages={[assistant('', { status: 'streaming', phase: 'planning' })]} sourceName={name} />);
    expect(screen.getByRole('status')).toHaveTextContent('Choosing sources');
    rerender(<MessageList messages={[assistant('', { status: 'error', error: 'Slack says: not_in_channel' })]} sourceName={name} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Slack says: not_in_channel');
  });

  it('shows tool activity with timing and success, open while streaming', () => {
    const msg = assistant('', {
      status: 'streaming',
      tools: [
        { id: 't1', tool: 'search_messages', arguments: { query: 'checkout' }, status: 'success', startedAt: 0, durationMs: 420 },
        { id: 't2', tool: 'read_messages', status: 'running', startedAt: 0 },
      ],
    });
    render(<MessageList messages={[msg]} sourceName={name} />);
    const activity = screen.getByRole('region', { name: 'Activity' });
    expect(within(activity).getByText('Search messages')).toBeInTheDocument();
    expect(within(activity).getByText('420 ms')).toBeInTheDocument();
    expect(within(activity).getByLabelText('Succeeded')).toBeInTheDocument();
    expect(within(activity).getByLabelText('Running')).toBeInTheDocument();
    expect(within(activity).getByText('query: "checkout"')).toBeInTheDocument();
  });
  it('marks an answer the server never finished as interrupted, and one still being written as pending', () => {
    const { rerender } = render(<MessageList messages={[assistant('', { status: 'interrupted' })]} sourceName={name} />);
    expect(screen.getByText(/Interrupted: the server stopped before this answer was finished/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy answer' })).toBeNull();
    rerender(<MessageList messages={[assistant('', { status: 'pending' })]} sourceName={name} />);
    expect(screen.getByText(/Still being answered/)).toBeInTheDocument();
    expect(screen.queryByText(/Interrupted/)).toBeNull();
  });

  it("shows a connect prompt in the answer that asked for it, coming back to this conversation's path", () => {
    const connect = [{ datasource: 'google_workspace', name: 'Google', reason: 'Reconnect Google to see your mail.' }];
    render(<MessageList messages={[assistant('', { connect })]} sourceName={name} returnTo="/chat/all/s-9" />);
    const prompt = screen.getByTestId('connect-prompt-google_workspace');
    expect(prompt).toHaveTextContent('Reconnect Google to see your mail.');
    expect(within(prompt).getByRole('button', { name: 'Connect Google' })).toBeInTheDocument();
  });
});
