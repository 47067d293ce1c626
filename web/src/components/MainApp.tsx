// The signed-in app: sidebar + the selected view (home, a chat, or What You Missed) + settings overlay.
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../contexts/AuthContext';
import { SourcesContext } from '../contexts/SourcesContext';
import { datasourceApi } from '../services/api';
import { queryKeys } from '../services/queryKeys';
import { ACTIVITY, ADMIN, WHAT_YOU_MISSED } from '../utils/sources';
import { ActivityView } from './ActivityView';
import { AdminView } from './admin/AdminView';
import { ChatInterface } from './ChatInterface';
import { DataSourceSidebar } from './DataSourceSidebar';
import { HomeView } from './HomeView';
import { OAuthReturnNotice } from './OAuthReturnNotice';
import { SettingsPanel } from './SettingsPanel';
import { WhatYouMissedDashboard } from './WhatYouMissedDashboard';

export function MainApp({ view }: { view: 'home' | 'chat' | 'missed' | 'admin' | 'activity' }) {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const params = useParams<{ source?: string; sessionId?: string }>();
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [settings, setSettings] = useState<{ source?: string } | null>(null);
  const [chatNonce, setChatNonce] = useState(0);

  const datasources = useQuery({ queryKey: queryKeys.datasources, queryFn: datasourceApi.list, staleTime: 30_000 });
  const list = datasources.data ?? [];
  const sourceName = useCallback(
    (id: string) => {
      if (id === 'all') return 'All sources';
      return list.find((d) => d.id === id)?.name ?? id.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    },
    [list],
  );

  if (!user) return null;
  const selected = view === 'missed' ? WHAT_YOU_MISSED : view === 'admin' ? ADMIN : view === 'activity' ? ACTIVITY : params.source;

  const select = (id: string) => {
    setSidebarOpen(false);
    if (id === WHAT_YOU_MISSED) navigate('/missed');
    else if (id === ADMIN) navigate('/admin/people');
    else if (id === ACTIVITY) navigate('/activity');
    else {
      navigate(`/chat/${id}`);
      setChatNonce((n) => n + 1);
    }
  };

  const newChat = () => {
    setSidebarOpen(false);
    navigate(`/chat/${params.source ?? 'all'}`);
    setChatNonce((n) => n + 1);
  };

  return (
    <SourcesContext.Provider value={list}>
      <div className="flex h-dvh overflow-hidden">
        <DataSourceSidebar
          user={user}
          datasources={list}
          loading={datasources.isLoading}
          error={datasources.isError ? `Could not load sources: ${(datasources.error as Error).message}` : undefined}
          selected={selected}
          activeSessionId={params.sessionId}
          open={sidebarOpen}
          onClose={() => setSidebarOpen(false)}
          onSelect={select}
          onNewChat={newChat}
          onOpenSession={(id, ds) => {
            setSidebarOpen(false);
            navigate(`/chat/${ds}/${id}`);
          }}
          onSessionDeleted={(id) => {
            if (params.sessionId === id) newChat();
          }}
          onOpenSettings={(source) => {
            setSidebarOpen(false);
            setSettings({ source });
          }}
          onLogout={() => void logout().then(() => navigate('/login'))}
          sourceName={sourceName}
        />
        <main className="flex min-w-0 flex-1 flex-col">
          {view === 'chat' && params.source ? (
            <ChatInterface
              key={`${params.source}/${params.sessionId ?? 'new'}/${chatNonce}`}
              datasource={params.source}
              sessionId={params.sessionId}
              datasources={list}
              sourceName={sourceName}
              onNewChat={newChat}
              onOpenSettings={(source) => setSettings({ source })}
              onOpenSidebar={() => setSidebarOpen(true)}
            />
          ) : view === 'admin' ? (
            <AdminView onOpenSidebar={() => setSidebarOpen(true)} />
          ) : view === 'activity' ? (
            <ActivityView onOpenSidebar={() => setSidebarOpen(true)} />
          ) : view === 'missed' ? (
            <WhatYouMissedDashboard
              user={user}
              datasources={list}
              sourceName={sourceName}
              onOpenSidebar={() => setSidebarOpen(true)}
              onOpenSettings={(source) => setSettings({ source })}
            />
          ) : (
            <HomeView
              user={user}
              datasources={list}
              onSelect={select}
              onOpenSettings={() => setSettings({})}
              onOpenSidebar={() => setSidebarOpen(true)}
            />
          )}
        </main>
        <OAuthReturnNotice datasources={list} />
        {settings ? <SettingsPanel datasources={list} initialSource={settings.source} onClose={() => setSettings(null)} /> : null}
      </div>
    </SourcesContext.Provider>
  );
}
