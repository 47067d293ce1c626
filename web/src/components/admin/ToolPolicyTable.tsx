// A source's tool policy: each tool can be turned off, and a read-only tool can be made to always ask first.
// Write tools always ask; for a shared connection, "writes off" turns every write tool off at once.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../services/adminApi';
import { queryKeys } from '../../services/queryKeys';
import type { AdminSource } from '../../types/admin';
import { Switch } from '../ui/Switch';
import { BADGE_TONE, badgeClass, scrollRegionClass } from '../ui/styles';
import { cn } from '../../utils/cn';

interface Props {
  source: AdminSource;
  busy: boolean;
  onChange: (change: { disabled_tools?: string[]; always_ask_tools?: string[] }) => void;
}

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400';

export function ToolPolicyTable({ source: listed, busy, onChange }: Props) {
  const [wanted, setWanted] = useState(false);
  // The list of sources has no tools (listing them starts a connector): this source's own GET has them, on request.
  const detail = useQuery({ queryKey: queryKeys.admin.source(listed.id), queryFn: () => adminApi.source(listed.id), enabled: wanted });
  const source =
    listed.tools.length > 0 || !detail.data ? listed : { ...listed, tools: detail.data.tools, tools_note: detail.data.tools_note };
  if (source.tools.length === 0 && listed.tools_known === false && !detail.data)
    return (
      <div className="space-y-2">
        <button
          type="button"
          className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
          disabled={detail.isFetching}
          onClick={() => setWanted(true)}
        >
          {detail.isFetching ? `Listing ${listed.name} tools…` : `Show ${listed.name} tools`}
        </button>
        {detail.isError ? <p role="alert">{(detail.error as Error).message}</p> : null}
      </div>
    );
  const disabled = source.tools.filter((t) => t.disabled).map((t) => t.name);
  const alwaysAsk = source.tools.filter((t) => t.read_only && t.always_ask).map((t) => t.name);
  const toggle = (list: string[], name: string, on: boolean) => (on ? [...new Set([...list, name])] : list.filter((n) => n !== name));
  if (source.tools.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {source.tools_note ?? 'The tool list appears once the connector has started once.'}
      </p>
    );
  return (
    <div role="region" aria-label={`${source.name} tools`} tabIndex={0} className={scrollRegionClass}>
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">{source.name} tool policy</caption>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th scope="col" className={th}>
              Tool
            </th>
            <th scope="col" className={th}>
              Off
            </th>
            <th scope="col" className={th}>
              Always ask
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {source.tools.map((t) => {
            const writeBlocked = !t.read_only && source.connection === 'shared' && source.writes_disabled;
            return (
              <tr key={t.name} data-testid={`tool-${t.name}`}>
                <td className="px-3 py-2 align-top">
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="font-mono text-[13px] text-zinc-900 dark:text-zinc-100">{t.name}</code>
                    <span className={cn(badgeClass, BADGE_TONE[t.read_only ? 'neutral' : 'warn'])}>{t.read_only ? 'read' : 'write'}</span>
                  </div>
                  <p className="mt-0.5 max-w-xl text-xs text-zinc-600 dark:text-zinc-400">{t.description}</p>
                </td>
                <td className="px-3 py-2 align-top">
                  <Switch
                    label={`Turn ${t.name} off`}
                    hideLabel
                    checked={t.disabled || writeBlocked}
                    disabled={busy || writeBlocked}
                    onChange={(on) => onChange({ disabled_tools: toggle(disabled, t.name, on) })}
                  />
                </td>
                <td className="px-3 py-2 align-top">
                  {t.read_only ? (
                    <Switch
                      label={`Always ask before ${t.name}`}
                      hideLabel
                      checked={t.always_ask}
                      disabled={busy || t.disabled}
                      onChange={(on) => onChange({ always_ask_tools: toggle(alwaysAsk, t.name, on) })}
                    />
                  ) : (
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">always asks</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
