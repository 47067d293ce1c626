// An on/off switch: a button with role="switch" whose accessible name is its label.
import { useId } from 'react';
import { cn } from '../../utils/cn';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  /** Visually hide the label (it stays the accessible name). */
  hideLabel?: boolean;
  disabled?: boolean;
  description?: string;
}

export function Switch({ checked, onChange, label, hideLabel, disabled, description }: Props) {
  const id = useId();
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-desc` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
        className={cn(
          'relative inline-flex h-6 w-10 shrink-0 items-center rounded-full transition-colors',
          'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2',
          'disabled:opacity-50 dark:focus-visible:ring-offset-zinc-900',
          checked ? 'bg-indigo-600' : 'bg-zinc-300 dark:bg-zinc-600',
        )}
      >
        <span
          aria-hidden
          className={cn(
            'inline-block size-5 rounded-full bg-white shadow transition-transform',
            checked ? 'translate-x-4.5' : 'translate-x-0.5',
          )}
        />
      </button>
      <span id={`${id}-label`} className={hideLabel ? 'sr-only' : 'text-sm text-zinc-800 dark:text-zinc-200'}>
        {label}
      </span>
      {description ? (
        <span id={`${id}-desc`} className="sr-only">
          {description}
        </span>
      ) : null}
    </span>
  );
}
