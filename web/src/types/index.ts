// Shapes of the Mosaic API (spec §10). JSON is snake_case on the wire.

export interface User {
  id: string;
  email: string;
  name?: string | null;
  created_at?: string;
  last_login?: string | null;
  previous_login?: string | null;
}

export interface AuthResponse {
  message: string;
  user: User;
}

export type CredentialFieldType = 'text' | 'password' | 'url' | 'number' | 'checkbox' | string;

export interface CredentialField {
  name: string;
  label: string;
  type: CredentialFieldType;
  required: boolean;
  env_var?: string | null;
  placeholder?: string | null;
  help?: string | null;
}

/** Live connector health; the server may send an object or a bare string. */
export interface DatasourceStatus {
  healthy?: boolean;
  breaker?: 'closed' | 'open' | 'half_open' | string;
  last_error?: string | null;
}

export interface Datasource {
  id: string;
  name: string;
  description: string;
  icon: string;
  enabled: boolean;
  configured: boolean;
  credential_fields: CredentialField[];
  credential_rules?: string[];
  status?: DatasourceStatus | string | null;
  breaker?: string | null;
}

export interface CredentialStatus {
  configured: boolean;
  updated_at?: string | null;
}

export interface TestConnectionResult {
  success: boolean;
  message?: string;
  error?: string;
}

export interface ProviderInfo {
  provider: string;
  model?: string | null;
  fast_model?: string | null;
  offline: boolean;
  /** A ready-made description, e.g. "anthropic: claude-…" or the Offline explanation. */
  label?: string | null;
}

export interface ChatSessionSummary {
  id: string;
  datasource: string;
  title?: string | null;
  updated_at?: string | null;
}

/** One message of a stored session, as the server returns it. */
export interface StoredMessage {
  id?: string;
  role: string;
  content: string;
  datasource?: string;
  created_at?: string;
  sources?: string[];
  tools_used?: (string | ToolUse)[];
  metadata?: ResponseMetadata | null;
  /** For an answer: in_progress while the server answers it, interrupted when the server stopped before it finished. */
  status?: 'in_progress' | 'interrupted' | string | null;
}

// ---- Single-source chat stream (POST /api/chat/message/stream) ----

/** One tool call as recorded in a done event / stored message. */
export interface ToolUse {
  tool: string;
  arguments?: unknown;
  success?: boolean;
  duration_ms?: number;
  from_cache?: boolean;
  /** approved / refused / expired, for write tools. */
  approval?: string | null;
  error?: string | null;
}

export interface ResponseMetadata {
  datasource?: string;
  tools_used?: (string | ToolUse)[];
  tier?: string;
  provider?: string;
  model?: string;
  tokens?: number | { input?: number; output?: number; total?: number };
  duration_ms?: number;
  cancelled?: boolean;
  error?: string | null;
  [key: string]: unknown;
}

export type ChatEvent =
  | { type: 'session_id'; session_id: string }
  | { type: 'thinking_start' }
  | { type: 'thinking'; content: string }
  | { type: 'thinking_end' }
  | { type: 'chunk'; content: string }
  | { type: 'tool_start'; tool: string; arguments?: unknown; source?: string }
  | { type: 'tool_end'; tool: string; success: boolean; duration_ms?: number; error?: string; source?: string }
  | {
      type: 'approval_required';
      approval_id: string;
      tool: string;
      arguments?: unknown;
      source?: string;
      description?: string;
      expires_at?: string;
    }
  | { type: 'approval_resolved'; approval_id: string; status?: 'approved' | 'refused' | 'expired' | string; approved?: boolean }
  | { type: 'done'; metadata?: ResponseMetadata }
  | { type: 'error'; error: string; code?: string };

// ---- Multi-source agent stream (POST /api/agent/query/stream) ----

export interface PlannedSource {
  source: string;
  confidence?: number;
  reasoning?: string;
}

export interface SourceResult {
  source: string;
  success: boolean;
  response?: string;
  error?: string | null;
  tools_used?: string[];
  duration_ms?: number;
}

export interface MultiSourceResponse {
  response: string;
  source_results?: SourceResult[];
  successful_sources?: string[];
  failed_sources?: string[];
  plan?: { sources?: (PlannedSource | string)[]; reasoning?: string } | null;
  session_id?: string;
  [key: string]: unknown;
}

export type AgentEvent =
  | { event_type: 'session_id'; session_id: string }
  | { event_type: 'planning'; message?: string }
  | { event_type: 'plan_complete'; sources: (PlannedSource | string)[]; reasoning?: string }
  | { event_type: 'source_start'; source: string }
  | { event_type: 'source_complete'; source: string; success: boolean; error?: string; duration_ms?: number }
  | { event_type: 'tool_start'; tool: string; source?: string; arguments?: unknown }
  | { event_type: 'tool_end'; tool: string; source?: string; success: boolean; duration_ms?: number; error?: string }
  | {
      event_type: 'approval_required';
      approval_id: string;
      tool: string;
      arguments?: unknown;
      source?: string;
      description?: string;
      expires_at?: string;
    }
  | { event_type: 'approval_resolved'; approval_id: string; status?: string; approved?: boolean }
  | { event_type: 'synthesizing' }
  | { event_type: 'synthesis_chunk'; chunk: string }
  | { event_type: 'done'; result?: MultiSourceResponse }
  | { event_type: 'error'; error: string; code?: string };

// ---- UI-side conversation model ----

export type ToolStatus = 'running' | 'success' | 'error' | 'awaiting_approval' | 'denied' | 'expired';

export interface ToolActivity {
  id: string;
  tool: string;
  approvalId?: string;
  fromCache?: boolean;
  source?: string;
  arguments?: unknown;
  status: ToolStatus;
  startedAt: number;
  durationMs?: number;
  error?: string;
}

export type SourceProgressStatus = 'planned' | 'running' | 'success' | 'failed';

export interface SourceProgress {
  source: string;
  confidence?: number;
  reasoning?: string;
  status: SourceProgressStatus;
  startedAt?: number;
  durationMs?: number;
  error?: string;
}

export interface PendingApproval {
  approvalId: string;
  tool: string;
  source?: string;
  arguments?: unknown;
  description?: string;
  expiresAt?: string;
}

/** pending: a stored answer still being written (by another tab or replica); interrupted: the server stopped first. */
export type MessageStatus = 'streaming' | 'done' | 'error' | 'stopped' | 'pending' | 'interrupted';

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  createdAt: number;
  status?: MessageStatus;
  error?: string;
  /** Machine-readable error kind from the server, e.g. not_configured. */
  errorCode?: string;
  /** The stage shown while nothing has streamed yet (planning, querying, synthesizing…). */
  phase?: 'thinking' | 'planning' | 'querying' | 'synthesizing' | 'answering';
  thinking?: string;
  tools: ToolActivity[];
  plan?: { sources: SourceProgress[]; reasoning?: string };
  /** The sources an answer came from (attribution chips). */
  sources?: string[];
  failedSources?: string[];
  sourceResults?: SourceResult[];
  metadata?: ResponseMetadata;
}

// ---- What You Missed (GET /api/digest, GET /api/digest/stream) ----

/** One thing that happened in a source, as the server sends it. */
export interface DigestItem {
  id: string;
  title: string;
  /** Only http(s) links are kept: s3:// and other schemes open nothing in a browser. */
  url?: string;
  source: string;
  /** What happened, e.g. review_requested, failed_run, low_stock, important_mail. */
  kind: string;
  actionable: boolean;
  priority: 'high' | 'medium' | 'low' | string;
  timestamp?: string;
  summary?: string;
  author?: string;
}

export interface DigestSection {
  source: string;
  title: string;
  items: DigestItem[];
  error?: string;
  durationMs?: number;
}

export interface Digest {
  since: string;
  generatedAt: string;
  summary: string;
  /** "model" (written by the language model) or "grouped" (counted per source, Offline). */
  summaryMethod: string;
  sections: DigestSection[];
  actionableCount: number;
  fromCache: boolean;
}

export type DigestEvent =
  | { event_type: 'digest_start'; since: string; sources: string[] }
  | { event_type: 'section'; section: unknown }
  | { event_type: 'done'; digest: unknown }
  | { event_type: 'error'; error: string };
