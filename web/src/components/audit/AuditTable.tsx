// One table for audit entries, used twice: the admin's Audit log (everyone, with a User column) and My activity.
import { formatArguments, formatDuration } from '../../utils/format';
import { BADGE_TONE, badgeClass, scrollRegionClass } from '../ui/styles';
import { cn } from '../../utils/cn';
import type { AuditEntry } from '../../types/admin';

interface Props {
  entries: AuditEntry[];
  showUser: boolean;
  sourceName: (id: string) => string;
  caption: string;
}

const OUTCOME_TONE: Record<string, keyof typeof BADGE_TONE> = { success: 'good', error: 'bad', denied: 'warn' };

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400';
const td = 'px-3 py-2 align-top text-sm text-zinc-800 dark:text-zinc-200';

function when(iso: string) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** "Approved by bob@acme.test", "Refused", … for tool calls that needed a yes. */
function approvalText(e: AuditEntry): string | null {
  if (!e.approval || e.approval === 'none') return null;
  const word = e.approval.charAt(0).toUpperCase() + e.approval.slice(1);
  return e.approved_by ? `${word} by ${e.approved_by}` : word;
}

export function AuditTable({ entries, showUser, sourceName, caption }: Props) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className={scrollRegionClass}>
      <table className="min-w-full divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="audit-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th scope="col" className={th}>
              Time
            </th>
            {showUser ? (
              <th scope="col" className={th}>
                User
              </th>
            ) : null}
            <th scope="col" className={th}>
              What
            </th>
            <th scope="col" className={th}>
              Outcome
            </th>
            <th scope="col" className={th}>
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {entries.map((e) => {
            const approval = approvalText(e);
            const args = formatArguments(e.arguments);
            return (
              <tr key={e.id} data-testid="audit-row">
                <td className={cn(td, 'whitespace-nowrap text-zinc-600 dark:text-zinc-400')}>
                  <time dateTime={e.at}>{when(e.at)}</time>
                </td>
                {showUser ? <td className={cn(td, 'whitespace-nowrap')}>{e.user_email ?? '—'}</td> : null}
                <td className={td}>
                  <div className="font-medium">
                    {e.tool ? (
                      <>
                        {e.source ? `${sourceName(e.source)} · ` : ''}
                        <code className="font-mono text-[13px]">{e.tool}</code>
                      </>
                    ) : (
                      e.action.replace(/_/g, ' ')
                    )}
                  </div>
                  <div className="text-xs text-zinc-500 dark:text-zinc-400">
                    {e.kind.replace(/_/g, ' ')}
                    {e.tool && e.action ? ` · ${e.action.replace(/_/g, ' ')}` : ''}
                    {e.target ? ` · ${e.target}` : ''}
                  </div>
                </td>
                <td className={cn(td, 'whitespace-nowrap')}>
                  <span className={cn(badgeClass, BADGE_TONE[OUTCOME_TONE[e.outcome] ?? 'neutral'])}>{e.outcome}</span>
                  {e.duration_ms != null ? (
                    <div className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                      {formatDuration(e.duration_ms)}
                      {e.from_cache ? ' · cached' : ''}
                    </div>
                  ) : null}
                </td>
                <td className={cn(td, 'min-w-48')}>
                  {approval ? <div className="text-xs">{approval}</div> : null}
                  {e.detail ? <div className="text-xs text-zinc-600 dark:text-zinc-400">{e.detail}</div> : null}
                  {args ? (
                    <details className="text-xs">
                      <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">Arguments</summary>
                      <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-900">
                        {args}
                      </pre>
                    </details>
                  ) : null}
                  {e.ip ? <div className="text-xs text-zinc-500 dark:text-zinc-400">IP {e.ip}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
