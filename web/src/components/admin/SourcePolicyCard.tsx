// Admin › Sources, one source: on/off, personal or shared connection, where it connects (fixed settings), the
// shared credentials (never shown back: "saved …" with Replace/Remove), and the tool policy.
import { useId, useState, type FormEvent } from 'react';
import type { AdminSource, Connection, SourcePolicyUpdate } from '../../types/admin';
import type { Datasource } from '../../types';
import { adminApi, connectionApi } from '../../services/adminApi';
import { cn } from '../../utils/cn';
import { CredentialForm } from '../CredentialForm';
import { SourceIcon } from '../SourceIcon';
import { Switch } from '../ui/Switch';
import { alertClass, buttonSecondary, cardClass, inputClass, labelClass } from '../ui/styles';
import { ToolPolicyTable } from './ToolPolicyTable';

interface Props {
  source: AdminSource;
  busy: boolean;
  error?: string;
  onUpdate: (change: SourcePolicyUpdate) => void;
  onCredentialsChanged: () => Promise<void>;
}

/** The shared credentials form: the fields an admin has not fixed, as CredentialForm expects them. */
export function sharedCredentialSource(source: AdminSource): Datasource {
  return {
    id: source.id,
    name: source.name,
    description: '',
    icon: source.icon,
    enabled: source.enabled,
    configured: source.shared_configured,
    credential_rules: [],
    accent: null,
    accent_dark: null,
    examples: [],
    credential_fields: source.fields
      .filter((f) => !f.fixed)
      .map((f) => ({ name: f.name, label: f.label, type: f.type, required: f.required, env_var: null, placeholder: null, help: null })),
  };
}

export function SourcePolicyCard({ source, busy, error, onUpdate, onCredentialsChanged }: Props) {
  const id = useId();
  const fixable = source.fields.filter((f) => f.fixable);
  const [fixed, setFixed] = useState<Record<string, string>>(source.fixed_settings);
  const fixedDirty = fixable.some((f) => (fixed[f.name] ?? '') !== (source.fixed_settings[f.name] ?? ''));
  const saveFixed = (e: FormEvent) => {
    e.preventDefault();
    const cleaned = Object.fromEntries(Object.entries(fixed).filter(([, v]) => v.trim() !== ''));
    onUpdate({ fixed_settings: cleaned });
  };
  const connections: { value: Connection; label: string; help: string }[] = [
    { value: 'personal', label: 'Personal', help: 'Each member connects with their own account or token.' },
    { value: 'shared', label: 'Shared', help: 'One connection, set here, serves every member. Members enter nothing.' },
  ];

  return (
    <section aria-labelledby={`${id}-name`} className={cn(cardClass, 'space-y-5')} data-testid={`admin-source-${source.id}`}>
      <div className="flex flex-wrap items-center gap-3">
        <SourceIcon id={source.id} icon={source.icon} />
        <h3 id={`${id}-name`} className="flex-1 text-base font-semibold text-zinc-900 dark:text-zinc-50">
          {source.name}
          {source.built_in ? null : <span className="ml-2 text-xs font-normal text-zinc-500 dark:text-zinc-400">custom</span>}
        </h3>
        <Switch label="Enabled" checked={source.enabled} disabled={busy} onChange={(enabled) => onUpdate({ enabled })} />
      </div>
      {error ? (
        <p role="alert" className={alertClass}>
          {error}
        </p>
      ) : null}

      <fieldset>
        <legend className={labelClass}>Connection</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {connections.map((c) => (
            <label
              key={c.value}
              className={cn(
                'flex cursor-pointer items-start gap-2 rounded-lg border p-3',
                'has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500',
                source.connection === c.value
                  ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-500/10'
                  : 'border-zinc-200 dark:border-zinc-700',
              )}
            >
              <input
                type="radio"
                name={`${id}-connection`}
                value={c.value}
                checked={source.connection === c.value}
                disabled={busy}
                onChange={() => onUpdate({ connection: c.value })}
                className="mt-0.5 size-4 text-indigo-600"
              />
              <span>
                <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{c.label}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{c.help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {fixable.length > 0 ? (
        <form onSubmit={saveFixed} aria-label={`Where ${source.name} connects`} className="space-y-3">
          <div>
            <h4 className={labelClass}>Where to connect</h4>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              A value set here is fixed for everyone and hidden from members. Leave a field empty to let each member enter it.
            </p>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            {fixable.map((f) => (
              <div key={f.name}>
                <label htmlFor={`${id}-${f.name}`} className={labelClass}>
                  {f.label}
                </label>
                <input
                  id={`${id}-${f.name}`}
                  value={fixed[f.name] ?? ''}
                  onChange={(e) => setFixed((v) => ({ ...v, [f.name]: e.target.value }))}
                  className={cn(inputClass, 'mt-1')}
                  spellCheck={false}
                />
              </div>
            ))}
          </div>
          <button type="submit" disabled={busy || !fixedDirty} className={buttonSecondary}>
            Save where to connect
          </button>
        </form>
      ) : null}

      {source.connection === 'shared' ? (
        <div className="space-y-3">
          <h4 className={labelClass}>Shared credentials</h4>
          <CredentialForm
            key={`${source.id}-${source.shared_updated_at ?? 'none'}`}
            datasource={sharedCredentialSource(source)}
            updatedAt={source.shared_updated_at}
            testSupported
            onTest={(unsaved) => connectionApi.test(source.id, unsaved)}
            onSave={async (credentials) => {
              await adminApi.saveSharedCredentials(source.id, credentials);
              await onCredentialsChanged();
            }}
            onDelete={async () => {
              await adminApi.deleteSharedCredentials(source.id);
              await onCredentialsChanged();
            }}
          />
          <Switch
            label="Writes off: no write tool runs on the shared connection"
            checked={source.writes_disabled}
            disabled={busy}
            onChange={(writes_disabled) => onUpdate({ writes_disabled })}
          />
        </div>
      ) : null}

      <div className="space-y-2">
        <h4 className={labelClass}>Tools</h4>
        <ToolPolicyTable source={source} busy={busy} onChange={onUpdate} />
      </div>
    </section>
  );
}
