// Issue 14's OAuth shapes as the UI uses them. TO BE REPLACED by the generated types (api/schema.d.ts) once the
// server's SourceResponse, DigestResponse, ChatEvent and admin OAuth endpoints carry them: each type below says which
// generated schema it stands for. JSON is snake_case on the wire, like every other Mosaic endpoint.
import type { Datasource } from './index';

/** SourceResponse.oauth: the source can be connected with one click at its provider. */
export interface SourceOAuth {
  /** slack, github, google, atlassian, shopify, or a remote MCP server's own id. */
  provider: string;
  /** "Google", shown as "Connect Google". */
  provider_name: string;
  /** An OAuth app is configured for the provider, so Connect can work. */
  ready: boolean;
  /** Shopify without a shop fixed by the admin: the person names their shop first. */
  needs_shop: boolean;
}

/** SourceResponse with issue 14's fields (generated: SourceResponse.oauth / auth / reconnect). */
export type OAuthDatasource = Datasource & {
  oauth?: SourceOAuth | null;
  /** How the saved connection was made: null when not connected. */
  auth?: 'oauth' | 'fields' | null;
  /** The sentence to show when the connection must be made again ("Google refused the saved authorization…"). */
  reconnect?: string | null;
};

/** DigestResponse.reconnect[]: a source the digest could not read until its person reconnects it. */
export interface DigestReconnect {
  datasource: string;
  name: string;
  message: string;
}

/** The chat stream's connect_required event (generated: ChatEventConnectRequiredEvent). */
export interface ConnectRequiredEvent {
  type: 'connect_required';
  datasource: string;
  name: string;
  reason: string;
}

/** GET /api/admin/oauth: one provider's OAuth app (generated: the admin OAuth app response). */
export interface OAuthApp {
  provider: string;
  name: string;
  sources: string[];
  client_id: string | null;
  /** Whether a client secret is set; the secret itself is never returned. */
  secret_set: boolean;
  /** The app comes from {PROVIDER}_OAUTH_CLIENT_ID / _SECRET, not from a saved row. */
  from_environment: boolean;
  /** The exact redirect URLs to register at the provider. */
  redirect_urls: string[];
  scopes: string[];
  /** A path in the repository's docs, e.g. docs/oauth.md#google. */
  docs: string;
}

/** PUT /api/admin/oauth/{provider}: the secret may be left out to keep the saved one. */
export interface OAuthAppUpdate {
  client_id: string;
  client_secret?: string;
}
