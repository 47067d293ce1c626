// Admin › Sources: every source's policy, one card each; each change is saved as it is made.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi } from '../../services/adminApi';
import { queryKeys } from '../../services/queryKeys';
import type { AdminSource, SourcePolicyUpdate } from '../../types/admin';
import { alertClass } from '../ui/styles';
import { SourcePolicyCard } from './SourcePolicyCard';

export function SourcesTab() {
  const queryClient = useQueryClient();
  const sources = useQuery({ queryKey: queryKeys.admin.sources, queryFn: adminApi.sources });
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.admin.sources }),
      queryClient.invalidateQueries({ queryKey: queryKeys.datasources }),
    ]);
  };
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: SourcePolicyUpdate }) => adminApi.updateSource(id, change),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved)
        queryClient.setQueryData<AdminSource[]>(queryKeys.admin.sources, (list) => list?.map((s) => (s.id === saved.id ? saved : s)));
    },
    onSettled: refresh,
  });

  if (sources.isError)
    return (
      <p role="alert" className={alertClass}>
        Could not load the sources: {(sources.error as Error).message}
      </p>
    );
  if (!sources.data) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading sources…</p>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Decide which sources exist, where they connect, whether members connect their own account or share one, and which tools run.
      </p>
      {sources.data.map((s) => (
        <SourcePolicyCard
          key={s.id}
          source={s}
          busy={update.isPending && update.variables?.id === s.id}
          error={update.isError && update.variables?.id === s.id ? (update.error as Error).message : undefined}
          onUpdate={(change) => update.mutate({ id: s.id, change })}
          onCredentialsChanged={refresh}
        />
      ))}
    </div>
  );
}
