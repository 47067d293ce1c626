import type { ReactNode } from 'react';
import { ArrowUpRight } from 'lucide-react';
import { cn } from '../utils/cn';

interface Props {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  examples?: string[];
  onExample?: (q: string) => void;
  action?: ReactNode;
}

/** Centered welcome for an empty conversation: what this source can answer, with one-click examples. */
export function EmptyState({ icon, title, description, examples, onExample, action }: Props) {
  return (
    <div className="flex min-h-0 flex-1 flex-col items-center justify-center overflow-y-auto px-4 py-10 text-center">
      <div className="mb-4">{icon}</div>
      <h2 className="text-xl font-semibold tracking-tight text-zinc-900 sm:text-2xl dark:text-zinc-50">{title}</h2>
      <p className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      {action ? <div className="mt-5">{action}</div> : null}
      {examples && onExample ? (
        <ul aria-label="Example questions" className="mt-8 grid w-full max-w-2xl gap-2 sm:grid-cols-3">
          {examples.map((q) => (
            <li key={q}>
              <button
                type="button"
                onClick={() => onExample(q)}
                className={cn(
                  'group flex h-full w-full items-start justify-between gap-2 rounded-xl border',
                  'border-zinc-200 bg-white p-3 text-left text-sm text-zinc-700 shadow-sm transition',
                  'hover:border-indigo-300 hover:bg-indigo-50/50 dark:border-zinc-800 dark:bg-zinc-900',
                  'dark:text-zinc-300 dark:hover:border-indigo-500/50 dark:hover:bg-indigo-500/5',
                )}
              >
                <span>{q}</span>
                <ArrowUpRight className="size-4 shrink-0 text-zinc-400 transition group-hover:text-indigo-500" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
