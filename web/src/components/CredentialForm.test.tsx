import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../services/http';
import type { Datasource } from '../types';
import { CredentialForm } from './CredentialForm';

const s3: Datasource = {
  id: 's3',
  name: 'Amazon S3',
  accent: null,
  accent_dark: null,
  examples: [],
  description: 'Buckets',
  icon: 's3',
  enabled: true,
  configured: false,
  credential_rules: [],
  credential_fields: [
    { name: 'aws_access_key_id', label: 'Access Key ID', type: 'text', required: true, env_var: 'AWS_ACCESS_KEY_ID' },
    { name: 'aws_secret_access_key', label: 'Secret Access Key', type: 'password', required: true, env_var: 'AWS_SECRET_ACCESS_KEY' },
    { name: 'aws_region', label: 'Region', type: 'text', required: false, placeholder: 'us-east-1' },
    { name: 'endpoint_url', label: 'Endpoint URL', type: 'url', required: false, help: 'Only for S3-compatible storage.' },
    { name: 'force_path_style', label: 'Path-style addressing', type: 'checkbox', required: false },
  ].map((f) => ({ env_var: null, placeholder: null, help: null, ...f })),
};

function setup(ds: Datasource = s3, overrides: Partial<Parameters<typeof CredentialForm>[0]> = {}) {
  const onSave = vi.fn().mockResolvedValue(undefined);
  const onDelete = vi.fn().mockResolvedValue(undefined);
  const onTest = vi.fn().mockResolvedValue({ success: true, message: 'Listed 3 buckets.' });
  render(<CredentialForm datasource={ds} testSupported onSave={onSave} onDelete={onDelete} onTest={onTest} {...overrides} />);
  return { onSave, onDelete, onTest, user: userEvent.setup() };
}

describe('CredentialForm', () => {
  it('generates one labelled input per declared field, with the declared types', () => {
    setup();
    expect(screen.getByLabelText(/Access Key ID/)).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText(/Secret Access Key/, { selector: 'input' })).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText(/Region/)).toHaveAttribute('placeholder', 'us-east-1');
    expect(screen.getByLabelText(/Endpoint URL/)).toHaveAccessibleDescription('Only for S3-compatible storage.');
    expect(screen.getByLabelText('Path-style addressing')).toHaveAttribute('type', 'checkbox');
    expect(screen.getByLabelText(/Access Key ID/)).toBeRequired();
    expect(screen.getByLabelText(/Region/)).not.toBeRequired();
  });

  it('refuses to submit without required fields and says which are missing', async () => {
    const { onSave, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Access Key ID/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Access Key ID is required.')).toBeInTheDocument();
    expect(screen.getByText('Secret Access Key is required.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Access Key ID/)).toHaveFocus();
  });

  it('validates URLs before sending', async () => {
    const { onSave, user } = setup();
    await user.type(screen.getByLabelText(/Access Key ID/), 'AKIA123');
    await user.type(screen.getByLabelText(/Secret Access Key/, { selector: 'input' }), 'shh');
    await user.type(screen.getByLabelText(/Endpoint URL/), 'not a url');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText(/must be a full http\(s\) URL/)).toBeInTheDocument();
  });

  it('sends only filled fields, checkbox as boolean, and clears secrets after saving', async () => {
    const { onSave, user } = setup();
    await user.type(screen.getByLabelText(/Access Key ID/), ' AKIA123 ');
    await user.type(screen.getByLabelText(/Secret Access Key/, { selector: 'input' }), 'super-secret-value');
    await user.click(screen.getByLabelText('Path-style addressing'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      aws_access_key_id: 'AKIA123',
      aws_secret_access_key: 'super-secret-value',
      force_path_style: true,
    });
    expect(await screen.findByText('Amazon S3 credentials saved.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Secret Access Key/, { selector: 'input' })).toHaveValue('');
    expect(document.body.innerHTML).not.toContain('super-secret-value');
  });

  it('never shows a saved secret: a configured source starts with empty fields', () => {
    setup({ ...s3, configured: true });
    expect(screen.getByTestId('configured-banner')).toHaveTextContent('Stored secrets are never shown again');
    const secret = screen.getByLabelText(/Secret Access Key/, { selector: 'input' });
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('type', 'password');
    expect(secret).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByRole('button', { name: 'Replace credentials' })).toBeInTheDocument();
  });

  it('maps server field errors (ProblemDetails) to the fields', async () => {
    const onSave = vi.fn().mockRejectedValue(
      new ApiError({
        status: 400,
        title: 'The Amazon S3 credentials are not valid',
        errors: {
          'credentials.aws_access_key_id': ['Access Key ID looks wrong.'],
          credentials: ['Give host, user and database, or sqlite_path.'],
        },
      }),
    );
    const { user } = setup(s3, { onSave });
    await user.type(screen.getByLabelText(/Access Key ID/), 'x');
    await user.type(screen.getByLabelText(/Secret Access Key/, { selector: 'input' }), 'y');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Access Key ID looks wrong.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Give host, user and database, or sqlite_path.');
  });

  it('tests the connection and deletes after confirmation', async () => {
    const { onTest, onDelete, user } = setup({ ...s3, configured: true });
    await user.click(screen.getByRole('button', { name: /Test connection/ }));
    expect(onTest).toHaveBeenCalled();
    expect(await screen.findByText(/Listed 3 buckets\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByText('Remove saved credentials?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
  });

  it('hides the test button when the server has no test endpoint', () => {
    setup({ ...s3, configured: true }, { testSupported: false });
    expect(screen.queryByRole('button', { name: /Test connection/ })).toBeNull();
  });

  it('tests the saved credentials, or the values being edited, and says who they act as', async () => {
    const onTest = vi.fn().mockResolvedValue({ success: true, identity: 'Alice Chen (alice@acme.test)', message: null });
    const { user } = setup({ ...s3, configured: true }, { onTest, identity: 'Alice Chen (alice@acme.test)' });
    expect(screen.getByTestId('configured-banner')).toHaveTextContent('Connected as Alice Chen (alice@acme.test)');
    await user.click(screen.getByRole('button', { name: /Test connection/ }));
    expect(onTest).toHaveBeenLastCalledWith(undefined);
    expect(await screen.findByRole('status')).toHaveTextContent('Connected as Alice Chen (alice@acme.test).');
    await user.type(screen.getByLabelText(/Access Key ID/), 'AKIANEW');
    await user.click(screen.getByRole('button', { name: /Test connection/ }));
    expect(onTest).toHaveBeenLastCalledWith(expect.objectContaining({ aws_access_key_id: 'AKIANEW' }));
  });

  it('offers a test before saving once something is typed, and shows a failure as the server put it', async () => {
    const onTest = vi.fn().mockResolvedValue({ success: false, identity: null, message: 'Slack says: invalid_auth' });
    const { user } = setup(s3, { onTest });
    expect(screen.queryByRole('button', { name: /Test connection/ })).toBeNull();
    await user.type(screen.getByLabelText(/Access Key ID/), 'AKIA');
    await user.click(screen.getByRole('button', { name: /Test connection/ }));
    expect(await screen.findByText('Slack says: invalid_auth')).toBeInTheDocument();
  });
});
