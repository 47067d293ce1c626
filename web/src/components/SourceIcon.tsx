import type { CSSProperties } from 'react';
import { Bell, Cloud, Database, GitPullRequest, Hash, Layers, Mail, Plug, ShoppingBag, SquareKanban, type LucideIcon } from 'lucide-react';
import { useSource } from '../contexts/SourcesContext';
import { cn } from '../utils/cn';
import { sourceAccent } from '../utils/sources';

const ICONS: Record<string, LucideIcon> = {
  slack: Hash,
  jira: SquareKanban,
  github: GitPullRequest,
  s3: Cloud,
  mysql: Database,
  shopify: ShoppingBag,
  google_workspace: Mail,
  google: Mail,
  all: Layers,
  what_you_missed: Bell,
};

/** A small tile in the source's accent with a glyph for it (icon name from the API, else its id). */
export function SourceIcon({ id, icon, size = 'md' }: { id: string; icon?: string; size?: 'sm' | 'md' | 'lg' }) {
  const source = useSource(id);
  const Icon = ICONS[icon ?? ''] ?? ICONS[id] ?? Plug;
  const box = size === 'sm' ? 'size-5 rounded' : size === 'lg' ? 'size-10 rounded-xl' : 'size-7 rounded-lg';
  const glyph = size === 'sm' ? 'size-3' : size === 'lg' ? 'size-5' : 'size-4';
  const accent = sourceAccent(id, source);
  // The colour is the source's own, so it travels as a variable rather than a class Tailwind would have to know.
  const style = { '--accent': accent.light, '--accent-dark': accent.dark } as CSSProperties;
  return (
    <span
      className={cn('inline-flex shrink-0 items-center justify-center text-white', box, 'bg-(--accent) dark:bg-(--accent-dark)')}
      style={style}
      aria-hidden
    >
      <Icon className={glyph} strokeWidth={2.25} />
    </span>
  );
}
