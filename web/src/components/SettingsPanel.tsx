// Settings overlay: connect sources (forms built from each connector's declared fields) and appearance.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Monitor, Moon, Palette, Sun, X } from 'lucide-react';
import { credentialsApi } from '../services/api';
import { connectionApi } from '../services/adminApi';
import type { OAuthDatasource } from '../types/oauth';
import { queryKeys } from '../services/queryKeys';
import type { Datasource } from '../types';
import { useTheme } from '../contexts/ThemeContext';
import { sourceHealth, TONE_DOT } from '../utils/status';
import { CredentialForm } from './CredentialForm';
import { AdminConnected } from './AdminConnected';
import { OAuthConnection } from './OAuthConnection';
import { SourceIcon } from './SourceIcon';
import { Modal } from './ui/Modal';
import { cn } from '../utils/cn';

interface Props {
  datasources: Datasource[];
  initialSource?: string;
  onClose: () => void;
}

const APPEARANCE = '__appearance';

function Appearance() {
  const { preference, setPreference } = useTheme();
  const options = [
    { value: 'system', label: 'System', icon: Monitor },
    { value: 'light', label: 'Light', icon: Sun },
    { value: 'dark', label: 'Dark', icon: Moon },
  ] as const;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Theme</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">“System” follows your device’s setting.</p>
      <div className="mt-3 grid grid-cols-3 gap-2">
        {options.map(({ value, label, icon: Icon }) => (
          <label
            key={value}
            className={cn(
              'flex cursor-pointer flex-col items-center gap-1.5 rounded-xl border p-3 text-sm',
              'has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500',
              preference === value
                ? 'border-indigo-500 bg-indigo-50 text-indigo-900 dark:bg-indigo-500/10 dark:text-indigo-200'
                : 'border-zinc-200 text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800',
            )}
          >
            <input
              type="radio"
              name="theme"
              value={value}
              checked={preference === value}
              onChange={() => setPreference(value)}
              className="sr-only"
            />
            <Icon className="size-5" aria-hidden />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SettingsPanel({ datasources, initialSource, onClose }: Props) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState(
    initialSource ?? datasources.find((d) => !d.configured && d.enabled)?.id ?? datasources[0]?.id ?? APPEARANCE,
  );
  const ds: OAuthDatasource | undefined = datasources.find((d) => d.id === selected);
  const test = async (unsaved?: Record<string, string | boolean>) => {
    const result = await connectionApi.test(selected, unsaved);
    if (result.success && !unsaved) void queryClient.invalidateQueries({ queryKey: queryKeys.datasources });
    return result;
  };

  const status = useQuery({
    queryKey: queryKeys.credentialStatus(selected),
    queryFn: () => credentialsApi.checkStatus(selected),
    enabled: !!ds?.configured,
    retry: false,
  });

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.datasources }),
      queryClient.invalidateQueries({ queryKey: queryKeys.credentialStatus(selected) }),
    ]);
  };

  const tokenForm = (d: OAuthDatasource) => (
    <CredentialForm
      key={d.id}
      datasource={d}
      updatedAt={status.data?.updated_at}
      identity={d.identity}
      testSupported
      onTest={test}
      onSave={async (credentials) => {
        await credentialsApi.save(d.id, credentials);
        await refresh();
      }}
      onDelete={async () => {
        await credentialsApi.delete(d.id);
        await refresh();
      }}
    />
  );

  return (
    <Modal title="Settings" onClose={onClose} className="max-w-4xl sm:h-[min(720px,90dvh)]" hideTitle>
      <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h2 className="text-lg font-semibold" aria-hidden>
          Settings
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close settings"
          className={cn(
            'inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100',
            'dark:text-zinc-300 dark:hover:bg-zinc-800',
          )}
        >
          <X className="size-5" aria-hidden />
        </button>
      </div>
      <div className="flex min-h-0 flex-1 flex-col sm:flex-row">
        <nav
          aria-label="Settings sections"
          className={cn(
            'shrink-0 overflow-x-auto border-b border-zinc-200 p-2 sm:w-60 sm:overflow-y-auto',
            'sm:border-b-0 sm:border-r dark:border-zinc-800',
          )}
        >
          <ul className="flex gap-1 sm:flex-col">
            {datasources.map((d) => {
              const h = sourceHealth(d);
              return (
                <li key={d.id}>
                  <button
                    type="button"
                    onClick={() => setSelected(d.id)}
                    aria-current={selected === d.id ? 'page' : undefined}
                    className={cn(
                      'flex w-full items-center gap-2.5 whitespace-nowrap rounded-lg px-2.5 py-2 text-left',
                      'text-sm',
                      selected === d.id
                        ? 'bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50'
                        : 'text-zinc-700 hover:bg-zinc-50 dark:text-zinc-300 dark:hover:bg-zinc-800/60',
                    )}
                  >
                    <SourceIcon id={d.id} icon={d.icon} size="sm" />
                    <span className="flex-1">{d.name}</span>
                    <span className={`size-2 rounded-full ${TONE_DOT[h.tone]}`} title={h.label} aria-label={h.label} />
                  </button>
                </li>
              );
            })}
            <li className="sm:mt-2 sm:border-t sm:border-zinc-200 sm:pt-2 dark:sm:border-zinc-800">
              <button
                type="button"
                onClick={() => setSelected(APPEARANCE)}
                aria-current={selected === APPEARANCE ? 'page' : undefined}
                className={cn(
                  'flex w-full items-center gap-2.5 whitespace-nowrap rounded-lg px-2.5 py-2 text-left',
                  'text-sm',
                  selected === APPEARANCE
                    ? 'bg-zinc-100 font-medium dark:bg-zinc-800'
                    : 'text-zinc-700 hover:bg-zinc-50 dark:text-zinc-300 dark:hover:bg-zinc-800/60',
                )}
              >
                <Palette className="size-4" aria-hidden /> Appearance
              </button>
            </li>
          </ul>
        </nav>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-5">
          {ds ? (
            <div className="mx-auto max-w-xl">
              <div className="mb-5 flex items-center gap-3">
                <SourceIcon id={ds.id} icon={ds.icon} size="lg" />
                <div>
                  <h3 className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{ds.name}</h3>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">{ds.description}</p>
                </div>
              </div>
              {!ds.enabled ? (
                <p className="rounded-lg bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                  This source is disabled on this server.
                </p>
              ) : ds.oauth && ds.connection !== 'shared' ? (
                <OAuthConnection
                  key={ds.id}
                  datasource={{ ...ds, oauth: ds.oauth }}
                  tokenForm={ds.credential_fields.length > 0 ? tokenForm(ds) : undefined}
                  onDisconnect={async () => {
                    await credentialsApi.delete(ds.id);
                    await refresh();
                  }}
                />
              ) : ds.credential_fields.length === 0 ? (
                <AdminConnected key={ds.id} datasource={ds} onTest={test} />
              ) : (
                tokenForm(ds)
              )}
            </div>
          ) : (
            <div className="mx-auto max-w-xl">
              <Appearance />
            </div>
          )}
        </div>
      </div>
    </Modal>
  );
}
