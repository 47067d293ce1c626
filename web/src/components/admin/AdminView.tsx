// The Admin area (admins only): People, Sources, Audit log and Workspace, one sub-route each (/admin/<tab>).
import { Navigate, NavLink, useParams } from 'react-router-dom';
import { useAuth } from '../../contexts/AuthContext';
import { cn } from '../../utils/cn';
import { AuditLog } from '../audit/AuditLog';
import { ChatHeader } from '../ChatHeader';
import { OAuthAppsSection } from './OAuthAppsSection';
import { PeopleTab } from './PeopleTab';
import { SourcesTab } from './SourcesTab';
import { WorkspaceTab } from './WorkspaceTab';

export const ADMIN_TABS = [
  { id: 'people', label: 'People' },
  { id: 'sources', label: 'Sources' },
  { id: 'audit', label: 'Audit log' },
  { id: 'workspace', label: 'Workspace' },
] as const;

type TabId = (typeof ADMIN_TABS)[number]['id'];

function Tab({ tab }: { tab: TabId }) {
  if (tab === 'people') return <PeopleTab />;
  if (tab === 'sources') return <SourcesTab />;
  if (tab === 'audit') return <AuditLog scope="admin" />;
  return (
    <div className="max-w-2xl space-y-10">
      <WorkspaceTab />
      <OAuthAppsSection />
    </div>
  );
}

export function AdminView({ onOpenSidebar }: { onOpenSidebar: () => void }) {
  const { user } = useAuth();
  const { tab } = useParams<{ tab?: string }>();
  if (!user) return null;
  if (user.role !== 'admin') return <Navigate to="/" replace />;
  const current = ADMIN_TABS.find((t) => t.id === tab);
  if (!current) return <Navigate to="/admin/people" replace />;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ChatHeader onOpenSidebar={onOpenSidebar} title="Admin" subtitle={current.label} />
      <nav aria-label="Admin sections" className="shrink-0 overflow-x-auto border-b border-zinc-200 px-3 sm:px-6 dark:border-zinc-800">
        <ul className="flex gap-1">
          {ADMIN_TABS.map((t) => (
            <li key={t.id}>
              <NavLink
                to={`/admin/${t.id}`}
                data-testid={`admin-tab-${t.id}`}
                className={({ isActive }) =>
                  cn(
                    'inline-block whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium',
                    'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500',
                    isActive
                      ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                      : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
                  )
                }
              >
                {t.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6">
          {current.id === 'people' ? null : <h2 className="sr-only">{current.label}</h2>}
          <Tab tab={current.id} />
        </div>
      </div>
    </div>
  );
}
