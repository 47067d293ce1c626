// The audit log view: filters, the table, Load more (next_cursor), and export links for the whole filtered set.
// scope "admin" reads /api/admin/audit (everyone, filter by user); "mine" reads /api/activity (the caller's own).
import { useId, useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Download, Loader2 } from 'lucide-react';
import { auditApi, type AuditScope } from '../../services/adminApi';
import { queryKeys } from '../../services/queryKeys';
import type { AuditFilters } from '../../types/admin';
import { useSources } from '../../contexts/SourcesContext';
import { AuditTable } from './AuditTable';
import { alertClass, buttonPrimary, buttonSecondary, inputClass, labelClass, noticeClass } from '../ui/styles';

const KINDS = ['tool_call', 'credential', 'auth', 'invite', 'admin'];
const OUTCOMES = ['success', 'error', 'denied'];

/** A date input's day as the start (or, for `to`, the end) of that local day in ISO form. */
function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  if (end) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function toApiFilters(form: AuditFilters): AuditFilters {
  return { ...form, from: dayBound(form.from, false), to: dayBound(form.to, true) };
}

export function AuditLog({ scope }: { scope: AuditScope }) {
  const id = useId();
  const sources = useSources();
  const sourceName = (s: string) => sources.find((d) => d.id === s)?.name ?? s;
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({});
  const query = useInfiniteQuery({
    queryKey: queryKeys.audit(scope, filters),
    queryFn: ({ pageParam }) => auditApi.page(scope, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const set = (key: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(toApiFilters(draft));
  };
  const field = (key: keyof AuditFilters, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={`${id}-${key}`} className={labelClass}>
        {label}
      </label>
      <div className="mt-1">{input}</div>
    </div>
  );

  return (
    <div className="space-y-4">
      <form onSubmit={apply} aria-label="Filters" className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {scope === 'admin'
          ? field('user', 'User', <input id={`${id}-user`} className={inputClass} value={draft.user ?? ''} onChange={set('user')} />)
          : null}
        {field(
          'source',
          'Source',
          <select id={`${id}-source`} className={inputClass} value={draft.source ?? ''} onChange={set('source')}>
            <option value="">Any</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>,
        )}
        {field('tool', 'Tool', <input id={`${id}-tool`} className={inputClass} value={draft.tool ?? ''} onChange={set('tool')} />)}
        {field(
          'kind',
          'Kind',
          <select id={`${id}-kind`} className={inputClass} value={draft.kind ?? ''} onChange={set('kind')}>
            <option value="">Any</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replace('_', ' ')}
              </option>
            ))}
          </select>,
        )}
        {field(
          'outcome',
          'Outcome',
          <select id={`${id}-outcome`} className={inputClass} value={draft.outcome ?? ''} onChange={set('outcome')}>
            <option value="">Any</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>,
        )}
        {field(
          'from',
          'From',
          <input id={`${id}-from`} type="date" className={inputClass} value={draft.from ?? ''} onChange={set('from')} />,
        )}
        {field('to', 'To', <input id={`${id}-to`} type="date" className={inputClass} value={draft.to ?? ''} onChange={set('to')} />)}
        <div className="col-span-full flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonPrimary}>
            Apply filters
          </button>
          <span className="flex-1" />
          <a href={auditApi.exportUrl(scope, filters, 'csv')} download className={buttonSecondary}>
            <Download className="size-4" aria-hidden /> Export CSV
          </a>
          <a href={auditApi.exportUrl(scope, filters, 'jsonl')} download className={buttonSecondary}>
            <Download className="size-4" aria-hidden /> Export JSONL
          </a>
        </div>
      </form>

      {query.isError ? (
        <p role="alert" className={alertClass}>
          Could not load the log: {(query.error as Error).message}
        </p>
      ) : null}
      {query.isLoading ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading…
        </p>
      ) : null}
      {query.isSuccess && entries.length === 0 ? (
        <p className={noticeClass}>Nothing recorded{Object.values(filters).some(Boolean) ? ' that matches these filters' : ' yet'}.</p>
      ) : null}
      {entries.length > 0 ? (
        <AuditTable
          entries={entries}
          showUser={scope === 'admin'}
          sourceName={sourceName}
          caption={scope === 'admin' ? 'Audit log entries' : 'Your activity'}
        />
      ) : null}
      {query.hasNextPage ? (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className={buttonSecondary}>
          {query.isFetchingNextPage ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
          Load more
        </button>
      ) : null}
    </div>
  );
}
