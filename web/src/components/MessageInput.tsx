// Enter sends, Shift+Enter adds a line; while an answer streams the send button becomes Stop.
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ArrowUp, Square } from 'lucide-react';
import { cn } from '../utils/cn';

export interface MessageInputHandle {
  focus: () => void;
}

interface Props {
  onSend: (text: string) => void;
  onStop: () => void;
  streaming: boolean;
  disabled?: boolean;
  placeholder?: string;
}

export const MessageInput = forwardRef<MessageInputHandle, Props>(function MessageInput(
  { onSend, onStop, streaming, disabled, placeholder },
  ref,
) {
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => area.current?.focus() }));

  // Grow with the text up to a limit, then scroll.
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 220)}px`;
  }, [text]);

  const submit = () => {
    if (streaming || disabled || !text.trim()) return;
    onSend(text);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME composition (Japanese, Chinese…) must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="mx-auto w-full max-w-3xl px-3 pb-3 sm:px-6 sm:pb-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div
        className={cn(
          'flex items-end gap-2 rounded-2xl border border-zinc-300 bg-white p-2 shadow-sm transition',
          'focus-within:border-indigo-400 focus-within:ring-4 focus-within:ring-indigo-500/10',
          'dark:border-zinc-700 dark:bg-zinc-900 dark:focus-within:border-indigo-500',
        )}
      >
        <label htmlFor="message-input" className="sr-only">
          Message
        </label>
        <textarea
          id="message-input"
          ref={area}
          rows={1}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={placeholder ?? 'Ask anything…'}
          aria-describedby="message-input-hint"
          className={cn(
            'max-h-[220px] min-h-[40px] flex-1 resize-none bg-transparent px-2 py-2 text-[15px]',
            'leading-6 text-zinc-900 placeholder:text-zinc-500 focus:outline-none',
            'disabled:cursor-not-allowed dark:text-zinc-100 dark:placeholder:text-zinc-500',
          )}
        />
        {streaming ? (
          <button
            type="button"
            onClick={onStop}
            aria-label="Stop generating"
            className={cn(
              'inline-flex size-10 shrink-0 items-center justify-center rounded-xl bg-zinc-900 text-white',
              'hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300',
            )}
          >
            <Square className="size-4 fill-current" aria-hidden />
          </button>
        ) : (
          <button
            type="submit"
            disabled={disabled || !text.trim()}
            aria-label="Send message"
            className={cn(
              'inline-flex size-10 shrink-0 items-center justify-center rounded-xl bg-indigo-600',
              'text-white hover:bg-indigo-500 disabled:bg-zinc-200 disabled:text-zinc-500',
              'dark:disabled:bg-zinc-800 dark:disabled:text-zinc-500',
            )}
          >
            <ArrowUp className="size-5" aria-hidden />
          </button>
        )}
      </div>
      <p id="message-input-hint" className="mt-1.5 hidden text-center text-xs text-zinc-500 sm:block">
        Enter to send · Shift+Enter for a new line · answers can be wrong, check the sources
      </p>
    </form>
  );
});
