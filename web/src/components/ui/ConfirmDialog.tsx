// A yes/no question in a Modal: focus starts on Cancel (the safe choice), the error of a failed action stays inside.
import { useRef, useState, type ReactNode } from 'react';
import { Loader2 } from 'lucide-react';
import { Modal } from './Modal';
import { alertClass, buttonSecondary } from './styles';
import { cn } from '../../utils/cn';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onClose }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'That did not work. Try again.');
      setBusy(false);
    }
  };
  return (
    <Modal title={title} description={children} onClose={onClose} initialFocus={cancel}>
      <div className="space-y-3 px-5 pb-5 pt-4">
        {error ? (
          <p role="alert" className={alertClass}>
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <button ref={cancel} type="button" onClick={onClose} className={buttonSecondary}>
            Cancel
          </button>
          <button
            type="button"
            onClick={confirm}
            disabled={busy}
            className={cn(
              'inline-flex items-center gap-2 rounded-lg px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60',
              'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 dark:focus-visible:ring-offset-zinc-900',
              danger
                ? 'bg-red-600 hover:bg-red-500 focus-visible:ring-red-500'
                : 'bg-indigo-600 hover:bg-indigo-500 focus-visible:ring-indigo-500',
            )}
          >
            {busy ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            {confirmLabel}
          </button>
        </div>
      </div>
    </Modal>
  );
}
