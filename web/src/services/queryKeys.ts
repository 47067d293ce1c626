// Every TanStack Query key, so what is cached and what is invalidated cannot drift apart.
import type { AuditFilters } from '../types/admin';

export const queryKeys = {
  datasources: ['datasources'] as const,
  credentialStatus: (datasource: string) => ['credential-status', datasource] as const,
  sessions: ['sessions'] as const,
  providers: ['providers'] as const,
  signupPolicy: ['signup-policy'] as const,
  invitePreview: (token: string) => ['invite-preview', token] as const,
  admin: {
    users: ['admin', 'users'] as const,
    invites: ['admin', 'invites'] as const,
    workspace: ['admin', 'workspace'] as const,
    oauthApps: ['admin', 'oauth-apps'] as const,
    sources: ['admin', 'sources'] as const,
    // Under sources: invalidating the list refetches a source's tools too.
    source: (id: string) => ['admin', 'sources', id] as const,
  },
  audit: (scope: 'admin' | 'mine', filters: AuditFilters) => ['audit', scope, filters] as const,
};
