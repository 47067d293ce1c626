// Shared Tailwind class sets for buttons, inputs and cards, so the admin screens look like the rest of the app.
import { cn } from '../../utils/cn';

export const buttonPrimary = cn(
  'inline-flex items-center justify-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white',
  'hover:bg-indigo-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2',
  'disabled:opacity-60 dark:focus-visible:ring-offset-zinc-900',
);

export const buttonSecondary = cn(
  'inline-flex items-center justify-center gap-2 rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800',
  'hover:bg-zinc-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-60',
  'dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800',
);

export const buttonDanger = cn(
  'inline-flex items-center justify-center gap-2 rounded-lg px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50',
  'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-red-500 disabled:opacity-60',
  'dark:text-red-400 dark:hover:bg-red-950/40',
);

export const inputClass = cn(
  'block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-500',
  'focus:border-indigo-500 focus:outline-none focus:ring-4 focus:ring-indigo-500/15',
  'dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-400',
);

export const labelClass = 'text-sm font-medium text-zinc-800 dark:text-zinc-200';

/** A horizontally scrolling table wrapper that can take focus (keyboard scrolling), with a visible focus ring. */
export const scrollRegionClass = cn(
  'overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800',
  'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500',
);

export const cardClass = 'rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

export const alertClass = 'rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200';

export const noticeClass = 'rounded-lg bg-zinc-100 px-3 py-2 text-sm text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200';

export const badgeClass = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium';

export const BADGE_TONE = {
  neutral: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  good: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200',
  warn: 'bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200',
  bad: 'bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-200',
  info: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-500/15 dark:text-indigo-200',
} as const;
