import type { ReactNode } from 'react';
import { Menu, Moon, Sun } from 'lucide-react';
import { useTheme } from '../contexts/ThemeContext';
import { cn } from '../utils/cn';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  icon?: ReactNode;
  actions?: ReactNode;
  onOpenSidebar: () => void;
}

/** The bar above the content: which source you talk to, its state, and quick actions. */
export function ChatHeader({ title, subtitle, icon, actions, onOpenSidebar }: Props) {
  const { theme, toggleTheme } = useTheme();
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 sm:px-4 dark:border-zinc-800">
      <button
        type="button"
        onClick={onOpenSidebar}
        aria-label="Open sidebar"
        className={cn(
          'inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100',
          'lg:hidden dark:text-zinc-300 dark:hover:bg-zinc-800',
        )}
      >
        <Menu className="size-5" aria-hidden />
      </button>
      {icon}
      <div className="min-w-0 flex-1">
        <h1 className="truncate text-[15px] font-semibold leading-tight text-zinc-900 dark:text-zinc-50">{title}</h1>
        {subtitle ? <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">{subtitle}</div> : null}
      </div>
      {actions}
      <button
        type="button"
        onClick={toggleTheme}
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        data-testid="theme-toggle"
        className={cn(
          'inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100',
          'dark:text-zinc-300 dark:hover:bg-zinc-800',
        )}
      >
        {theme === 'dark' ? <Sun className="size-5" aria-hidden /> : <Moon className="size-5" aria-hidden />}
      </button>
    </header>
  );
}
