import type { ChatMessage } from '../types';

const LABELS: Record<NonNullable<ChatMessage['phase']>, string> = {
  thinking: 'Thinking',
  planning: 'Choosing sources',
  querying: 'Querying sources',
  synthesizing: 'Combining answers',
  answering: 'Writing',
};

/** Shown while an answer has not started streaming: what Mosaic is doing right now. */
export function ThinkingIndicator({ phase, detail }: { phase?: ChatMessage['phase']; detail?: string }) {
  const label = LABELS[phase ?? 'thinking'];
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2.5 py-1 text-sm text-zinc-500 dark:text-zinc-400">
      <span className="flex gap-1" aria-hidden>
        {[0, 150, 300].map((d) => (
          <span key={d} className="size-1.5 animate-bounce rounded-full bg-indigo-500/80" style={{ animationDelay: `${d}ms` }} />
        ))}
      </span>
      <span>
        {label}
        {detail ? <span className="text-zinc-500 dark:text-zinc-400"> · {detail}</span> : null}
      </span>
    </div>
  );
}
