import { Bell, Cloud, Database, GitPullRequest, Hash, Layers, Mail, Plug, ShoppingBag, SquareKanban, type LucideIcon } from 'lucide-react';
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

/** A small coloured tile with a glyph for a datasource (icon name from the API, else its id). */
export function SourceIcon({ id, icon, size = 'md' }: { id: string; icon?: string; size?: 'sm' | 'md' | 'lg' }) {
  const Icon = ICONS[icon ?? ''] ?? ICONS[id] ?? Plug;
  const box = size === 'sm' ? 'size-5 rounded' : size === 'lg' ? 'size-10 rounded-xl' : 'size-7 rounded-lg';
  const glyph = size === 'sm' ? 'size-3' : size === 'lg' ? 'size-5' : 'size-4';
  return (
    <span className={`inline-flex shrink-0 items-center justify-center text-white ${box} ${sourceAccent(id)}`} aria-hidden>
      <Icon className={glyph} strokeWidth={2.25} />
    </span>
  );
}
