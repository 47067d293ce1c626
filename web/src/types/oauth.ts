// Short names for the one-click connection shapes (docs/oauth.md), generated from the server's OpenAPI document like
// the rest of types/index.ts.
import type { components } from '../api/schema';
import type { Datasource } from './index';

type Schemas = components['schemas'];

/** SourceResponse.oauth: the source can be connected with one click at its provider (or, "mcp", its own server). */
export type SourceOAuth = Schemas['SourceOAuth'];

/** A source with its one-click fields (oauth, auth, reconnect), all part of the generated SourceResponse. */
export type OAuthDatasource = Datasource;

/** DigestResponse.reconnect[]: a source the digest could not read until its person reconnects it. */
export type DigestReconnect = Schemas['DigestReconnect'];

/** The chat stream's connect_required event. */
export type ConnectRequiredEvent = Schemas['ChatEventConnectRequiredEvent'];

/** GET /api/admin/oauth: one provider's OAuth app; the client secret is never returned, only secret_set. */
export type OAuthApp = Schemas['OAuthAppResponse'];

/** PUT /api/admin/oauth/{provider}: the secret may be left out to keep the saved one. */
export type OAuthAppUpdate = Schemas['SaveOAuthAppRequest'];
