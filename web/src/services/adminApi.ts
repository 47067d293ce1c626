// Issue 13's workspace endpoints: sign-up policy and invites (anonymous), the admin area, the audit log, My activity
// and the connection test. Types from types/admin.ts until they are in the generated contract.
import type {
  AdminSource,
  AdminUser,
  AuditFilters,
  AuditPage,
  ConnectionTestResult,
  CreatedInvite,
  Invite,
  InvitePreview,
  Role,
  SignupPolicy,
  SourcePolicyUpdate,
  WorkspaceSettings,
} from '../types/admin';
import type { OAuthApp, OAuthAppUpdate } from '../types/oauth';
import { requestJson } from './http';

const id = encodeURIComponent;

export const signupApi = {
  policy: () => requestJson<SignupPolicy>('GET', '/api/auth/signup-policy', { quietUnauthorized: true }),
  invite: (token: string) => requestJson<InvitePreview>('GET', `/api/auth/invites/${id(token)}`, { quietUnauthorized: true }),
};

export const adminApi = {
  users: () => requestJson<{ users: AdminUser[] }>('GET', '/api/admin/users').then((r) => r.users),
  updateUser: (userId: string, change: { role?: Role; disabled?: boolean }) =>
    requestJson<AdminUser>('PATCH', `/api/admin/users/${id(userId)}`, { body: change }),
  unlock: (userId: string) => requestJson<void>('POST', `/api/admin/users/${id(userId)}/unlock`),
  signOut: (userId: string) => requestJson<void>('POST', `/api/admin/users/${id(userId)}/sign-out`),
  deleteUser: (userId: string) => requestJson<void>('DELETE', `/api/admin/users/${id(userId)}`),

  invites: () => requestJson<{ invites: Invite[] }>('GET', '/api/admin/invites').then((r) => r.invites),
  createInvite: (invite: { email?: string; role: Role }) => requestJson<CreatedInvite>('POST', '/api/admin/invites', { body: invite }),
  revokeInvite: (inviteId: string) => requestJson<void>('DELETE', `/api/admin/invites/${id(inviteId)}`),

  workspace: () => requestJson<WorkspaceSettings>('GET', '/api/admin/workspace'),
  updateWorkspace: (settings: Partial<WorkspaceSettings>) =>
    requestJson<WorkspaceSettings>('PATCH', '/api/admin/workspace', { body: settings }),

  // The list never carries tools (listing them starts the connector): one source's GET does.
  sources: () => requestJson<AdminSource[]>('GET', '/api/admin/sources'),
  source: (sourceId: string) => requestJson<AdminSource>('GET', `/api/admin/sources/${id(sourceId)}`),
  updateSource: (sourceId: string, change: SourcePolicyUpdate) =>
    requestJson<AdminSource>('PATCH', `/api/admin/sources/${id(sourceId)}`, { body: change }),
  saveSharedCredentials: (sourceId: string, credentials: Record<string, string | boolean>) =>
    requestJson<void>('PUT', `/api/admin/sources/${id(sourceId)}/credentials`, { body: { credentials } }),
  deleteSharedCredentials: (sourceId: string) => requestJson<void>('DELETE', `/api/admin/sources/${id(sourceId)}/credentials`),

  // Issue 14: the OAuth apps Connect uses, one per provider (types/oauth.ts until they are generated).
  oauthApps: () => requestJson<OAuthApp[]>('GET', '/api/admin/oauth'),
  saveOAuthApp: (provider: string, app: OAuthAppUpdate) => requestJson<OAuthApp>('PUT', `/api/admin/oauth/${id(provider)}`, { body: app }),
  deleteOAuthApp: (provider: string) => requestJson<void>('DELETE', `/api/admin/oauth/${id(provider)}`),
};

/** The audit log (admins: everyone's) or My activity (the caller's own): same query, same page shape. */
export type AuditScope = 'admin' | 'mine';

const auditPath = (scope: AuditScope) => (scope === 'admin' ? '/api/admin/audit' : '/api/activity');

/** The query string for a filtered view; `user` only where the scope allows it. */
export function auditQuery(scope: AuditScope, filters: AuditFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (key === 'user' && scope !== 'admin') continue;
    if (value && value.trim()) params.set(key, value.trim());
  }
  const q = params.toString();
  return q ? `?${q}` : '';
}

export const auditApi = {
  page: (scope: AuditScope, filters: AuditFilters, cursor?: string, limit = 50) =>
    requestJson<AuditPage>('GET', `${auditPath(scope)}${auditQuery(scope, filters, { cursor, limit: String(limit) })}`),
  /** A link that downloads the whole filtered set. */
  exportUrl: (scope: AuditScope, filters: AuditFilters, format: 'csv' | 'jsonl') =>
    `${auditPath(scope)}${auditQuery(scope, filters, { format })}`,
};

export const connectionApi = {
  /** Tests the saved credentials, or `credentials` (a form's unsaved values) when given. */
  test: (sourceId: string, credentials?: Record<string, string | boolean>) =>
    requestJson<ConnectionTestResult>('POST', `/api/datasources/${id(sourceId)}/test`, {
      body: credentials ? { credentials } : {},
    }),
};
