import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApprovalDialog } from './ApprovalDialog';

const approval = {
  approvalId: 'ap-1',
  tool: 'send_message',
  source: 'slack',
  arguments: { channel: '#checkout-eng', text: 'Fix is deployed' },
};

describe('ApprovalDialog', () => {
  it('shows the tool and its arguments in a labelled modal dialog', () => {
    render(<ApprovalDialog approval={approval} sourceName="Slack" onDecide={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: /Approve this action/ });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/changes data in Slack/);
    expect(screen.getByTestId('approval-tool')).toHaveTextContent('send_message');
    const args = screen.getByTestId('approval-arguments');
    expect(args).toHaveTextContent('"channel": "#checkout-eng"');
    expect(args).toHaveTextContent('"text": "Fix is deployed"');
  });

  it('focuses Deny first so Enter never approves by accident', () => {
    render(<ApprovalDialog approval={approval} onDecide={() => {}} />);
    expect(screen.getByRole('button', { name: 'Deny' })).toHaveFocus();
  });

  it('reports approve and deny, and Escape counts as deny', async () => {
    const onDecide = vi.fn();
    const user = userEvent.setup();
    render(<ApprovalDialog approval={approval} onDecide={onDecide} />);
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    await user.click(screen.getByRole('button', { name: 'Deny' }));
    await user.keyboard('{Escape}');
    expect(onDecide.mock.calls).toEqual([[true], [false], [false]]);
  });

  it('keeps keyboard focus inside the dialog', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">outside</button>
        <ApprovalDialog approval={approval} onDecide={() => {}} />
      </>,
    );
    await user.tab();
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Deny' })).toHaveFocus();
  });

  it('shows an error and disables the buttons while sending', () => {
    render(<ApprovalDialog approval={approval} busy error="This approval has expired." onDecide={() => {}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This approval has expired.');
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Deny' })).toBeDisabled();
  });
});
