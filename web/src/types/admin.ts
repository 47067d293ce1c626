// Issue 13's workspace API (roles, invites, source policy, audit) as the UI uses it. Until an endpoint is in the
// generated contract (api/schema.d.ts) its shape is declared here from the agreed contract; switch each to the
// generated type once the server branch lands.
import type { Datasource, User } from './index';

export type Role = 'admin' | 'member';
export type SignupMode = 'open' | 'invite' | 'domain';
export type Connection = 'personal' | 'shared';

/** GET /api/auth/me: the user with their workspace role (generated: `role` is a string the server keeps to {@link Role}). */
export type WorkspaceUser = User;

/** /api/datasources with who connects it (`connection`, one of {@link Connection}) and as whom (`identity`). */
export type WorkspaceDatasource = Datasource;

export interface SignupPolicy {
  signup: SignupMode;
  invite_required: boolean;
  /** In domain mode, the domains whose addresses may sign up. */
  signup_domains?: string[];
}

/** GET /api/auth/invites/{token}: what an invitation link offers. */
export interface InvitePreview {
  email: string | null;
  role: Role;
  expires_at: string;
}

export interface AdminUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  created_at: string;
  last_login: string | null;
  locked: boolean;
  locked_until: string | null;
  disabled: boolean;
  disabled_at: string | null;
  sources_connected: string[];
}

export type InviteStatus = 'pending' | 'used' | 'expired' | 'revoked';

export interface Invite {
  id: string;
  email: string | null;
  role: Role;
  created_at: string;
  expires_at: string;
  status: InviteStatus;
}

/** POST /api/admin/invites: the link is shown once. */
export interface CreatedInvite {
  id: string;
  url: string;
  email: string | null;
  role: Role;
  expires_at: string;
}

export interface WorkspaceSettings {
  signup: SignupMode;
  signup_domains: string[];
}

export interface AdminSourceField {
  name: string;
  label: string;
  type: string;
  required: boolean;
  /** An admin may fix it ("where to connect": host, site, endpoint). */
  fixable: boolean;
  /** The admin fixed it: members don't see it. */
  fixed: boolean;
  /** Each member's own (a token, their login). */
  personal: boolean;
}

export interface AdminTool {
  name: string;
  description: string;
  read_only: boolean;
  disabled: boolean;
  always_ask: boolean;
}

export interface AdminSource {
  id: string;
  name: string;
  icon: string;
  built_in: boolean;
  enabled: boolean;
  connection: Connection;
  fields: AdminSourceField[];
  fixed_settings: Record<string, string>;
  shared_configured: boolean;
  shared_updated_at: string | null;
  tools: AdminTool[];
  /** False when the tools were not listed (the list of all sources, or a source the admin cannot start): see tools_note. */
  tools_known?: boolean;
  tools_note?: string | null;
  writes_disabled: boolean;
}

export interface SourcePolicyUpdate {
  enabled?: boolean;
  connection?: Connection;
  fixed_settings?: Record<string, string>;
  disabled_tools?: string[];
  always_ask_tools?: string[];
  writes_disabled?: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  kind: string;
  action: string;
  user_id: string | null;
  user_email: string | null;
  source: string | null;
  tool: string | null;
  arguments: unknown;
  approval: string | null;
  approved_by: string | null;
  outcome: string;
  duration_ms: number | null;
  from_cache: boolean | null;
  session_id: string | null;
  request_id: string | null;
  target: string | null;
  detail: string | null;
  ip: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  next_cursor: string | null;
}

export interface AuditFilters {
  user?: string;
  source?: string;
  tool?: string;
  outcome?: string;
  kind?: string;
  from?: string;
  to?: string;
}

/** POST /api/datasources/{id}/test. */
export interface ConnectionTestResult {
  success: boolean;
  identity: string | null;
  message: string | null;
  duration_ms: number | null;
}
