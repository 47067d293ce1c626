// The Mosaic API's shapes are generated from the server's OpenAPI document (src/api/schema.d.ts, see
// scripts/openapi.sh); these are short names for them. JSON is snake_case on the wire. Below them: the UI's own
// conversation model, which the stream events fold into.
import type { components } from '../api/schema';
import type { ConnectRequiredEvent, DigestReconnect } from './oauth';

type Schemas = components['schemas'];

export type User = Schemas['UserResponse'];
export type AuthResponse = Schemas['AuthResponse'];
export type MessageResponse = Schemas['MessageResponse'];
export type ProblemDetails = Schemas['ProblemDetails'];

export type CredentialField = Schemas['CredentialFieldResponse'];
export type CredentialStatus = Schemas['CredentialStatusResponse'];
/** Live connector health: the circuit breaker ("closed", "open", "half_open") and whether a session is up. */
export type SourceStatus = Schemas['SourceStatus'];

export type Datasource = Schemas['SourceResponse'];

/**
 * How a source presents itself (docs/architecture.md): `accent` is the CSS colour of its badge, `accent_dark` the one
 * for dark mode (null: the same), `examples` questions it answers.
 */
export type SourceLook = Pick<Datasource, 'accent' | 'accent_dark' | 'examples'>;

export type ProviderInfo = Schemas['ProviderResponse'];
export type ChatSessionSummary = Schemas['ChatSessionSummary'];
export type ChatSession = Schemas['ChatSessionResponse'];
/** One message of a stored session; `status` is in_progress while an answer is written, interrupted when it never finished. */
export type StoredMessage = Schemas['ChatSessionMessage'];
export type ChatMessageRequest = Schemas['ChatMessageRequest'];
export type ApprovalResponse = Schemas['ApprovalResponse'];

/** One tool call as a done event or stored message records it. */
export type ToolUse = Schemas['ToolUse'];
/** What a source's answer reports (done event, stored message). */
export type ChatMetadata = Schemas['ChatMetadata'];
/** What a stored agent answer keeps. */
export type AgentMetadata = Schemas['AgentMetadata'];

/** An event of POST /api/chat/message/stream, `type` says which. */
export type ChatEvent = Schemas['ChatEvent'];

export type AgentQueryRequest = Schemas['AgentQueryRequest'];
export type AgentSourceInfo = Schemas['AgentSourceInfo'];
export type PlannedSource = Schemas['PlannedSource'];
export type SourceResult = Schemas['SourceResult'];
export type MultiSourceResponse = Schemas['MultiSourceResponse'];
/** An event of POST /api/agent/query/stream, `event_type` says which. */
export type AgentEvent = Schemas['AgentEvent'];

/** An event of GET /api/digest/stream, `event_type` says which. */
export type DigestEvent = Schemas['DigestEvent'];

// ---- UI-side conversation model ----

/** The agent's own stages; its per-source tool and approval events travel as chat events with a source. */
export type AgentStageEvent = Extract<
  AgentEvent,
  { event_type: 'planning' | 'plan_complete' | 'source_start' | 'source_complete' | 'synthesizing' | 'done' }
>;

/**
 * One event of either stream as the conversation sees it: a chat event (from a source: the chat stream's one, or the
 * source the agent names), or one of the agent's stages.
 */
export type StreamEvent = { source?: string; event: SourceEvent } | { agent: AgentStageEvent };

/** A chat event, or issue 14's connect_required (types/oauth.ts until it is in the generated ChatEvent). */
export type SourceEvent = ChatEvent | ConnectRequiredEvent;

/** A source the person has to (re)connect before its tool can run; the chat shows a Connect button. */
export interface ConnectPrompt {
  datasource: string;
  name: string;
  reason: string;
}

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

/** What the UI shows about how an answer was made; a stored agent answer has no tier or model. */
export type AnswerFacts = Partial<Pick<ChatMetadata, 'provider' | 'model' | 'tier' | 'duration_ms'>>;

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
  metadata?: AnswerFacts;
  /** connect_required events: one prompt per source. */
  connect?: ConnectPrompt[];
}

// ---- What You Missed (GET /api/digest, GET /api/digest/stream), mapped for the dashboard ----

/** One thing that happened in a source. */
export interface DigestItem {
  id: string;
  title: string;
  /** Only http(s) links are kept: s3:// and other schemes open nothing in a browser. */
  url?: string;
  source: string;
  /** What happened, e.g. review_requested, failed_run, low_stock, important_mail. */
  kind: string;
  actionable: boolean;
  /** "high", "medium" or "low". */
  priority: string;
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
  /** Sources the digest could not read until their connection is made again. */
  reconnect: DigestReconnect[];
}
