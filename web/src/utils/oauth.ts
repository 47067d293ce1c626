// One-click connections (docs/oauth.md): where Connect goes, and what the UI says when the provider sends the person
// back. The callback returns to `?oauth=connected|error&source=…&reason=…&code=…`; only those four parameters are read,
// and only `code` (the provider's own error code, checked against a strict pattern) is ever shown. Everything else in
// the sentence comes from the UI itself or from /api/datasources, never from the address bar.
import type { OAuthDatasource } from '../types/oauth';

/** The reasons a flow can stop: OAuthFailure in src/Mosaic.Server/OAuth/IOAuthConnector.cs. */
export const OAUTH_FAILURES = [
  'not_configured',
  'unavailable',
  'bad_shop',
  'denied',
  'state',
  'provider',
  'verification',
  'unreachable',
] as const;

export type OAuthFailure = (typeof OAUTH_FAILURES)[number];

/** The callback's parameters; removed from the address bar once read. */
export const OAUTH_PARAMS = ['oauth', 'source', 'reason', 'code'] as const;

const PROVIDER_CODE = /^[a-z0-9_.-]{1,64}$/;
const SHOP = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** One readable sentence per reason; `provider` is the provider's name as the UI knows it. */
export function failureSentence(reason: string | null, provider: string, code?: string | null): string {
  const said = code && PROVIDER_CODE.test(code) ? ` (${provider} said: ${code})` : '';
  switch (reason as OAuthFailure) {
    case 'not_configured':
      return `${provider} cannot be connected yet: an admin has to set up its OAuth app first.`;
    case 'unavailable':
      return `${provider} cannot be connected here: the source is switched off, shared by your admin, or has no one-click connection.`;
    case 'bad_shop':
      return 'That is not a Shopify shop address. Enter your shop as your-shop.myshopify.com.';
    case 'denied':
      return `You declined at ${provider}, so nothing was connected.`;
    case 'state':
      return `That sign-in to ${provider} expired or was already used, so nothing was connected. Press Connect to start again.`;
    case 'provider':
      return `${provider} refused the connection${said}. Nothing was connected; try again, or ask your admin if it keeps happening.`;
    case 'verification':
      return `Mosaic could not verify the answer from ${provider}, so nothing was connected.`;
    case 'unreachable':
      return `Mosaic could not reach ${provider}. Nothing was connected; try again in a moment.`;
    default:
      return `Connecting ${provider} did not work${said}. Nothing was connected; try again.`;
  }
}

/** The provider's name for a source id, from the sources list only ("the source" when the id is unknown). */
export function providerName(sourceId: string | null, sources: OAuthDatasource[]): string {
  const ds = sources.find((d) => d.id === sourceId);
  return ds?.oauth?.provider_name ?? ds?.name ?? 'the source';
}

export interface OAuthReturn {
  status: 'connected' | 'error';
  /** The source id as sent; only used to look the source up. */
  source: string | null;
  reason: string | null;
  code: string | null;
}

/** The callback's result in a query string, or null when there is none. */
export function readOAuthReturn(search: string): OAuthReturn | null {
  const params = new URLSearchParams(search);
  const status = params.get('oauth');
  if (status !== 'connected' && status !== 'error') return null;
  const code = params.get('code');
  return {
    status,
    source: params.get('source'),
    reason: status === 'error' ? params.get('reason') : null,
    code: code && PROVIDER_CODE.test(code) ? code : null,
  };
}

/** The query string without the callback's parameters ("" or "?…"); other parameters stay. */
export function withoutOAuthParams(search: string): string {
  const params = new URLSearchParams(search);
  for (const p of OAUTH_PARAMS) params.delete(p);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

/** What to tell the person about a return: "Connected Google as alice@acme.test." or the failure. */
export function describeReturn(ret: OAuthReturn, sources: OAuthDatasource[]): string {
  const name = providerName(ret.source, sources);
  if (ret.status === 'error') return failureSentence(ret.reason, name, ret.code);
  const identity = sources.find((d) => d.id === ret.source)?.identity;
  return identity ? `Connected ${name} as ${identity}.` : `Connected ${name}.`;
}

/** "acme", "acme.myshopify.com" or "https://acme.myshopify.com/admin" → "acme.myshopify.com"; null when it is not one. */
export function normalizeShop(input: string): string | null {
  let shop = input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '');
  shop = shop.split(/[/?#]/)[0];
  if (shop && !shop.includes('.')) shop = `${shop}.myshopify.com`;
  return SHOP.test(shop) ? shop : null;
}

/** A local path to come back to: the current path, never another site. */
export function localPath(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

/** The server's start endpoint, which sends the browser on to the provider. */
export function connectUrl(sourceId: string, returnTo: string, shop?: string): string {
  const params = new URLSearchParams({ return_to: localPath(returnTo) });
  if (shop) params.set('shop', shop);
  return `/api/oauth/${encodeURIComponent(sourceId)}/start?${params.toString()}`;
}

/** Full navigations out of the app (the server answers with a redirect to the provider); an object so tests can spy on it. */
export const browserNavigation = {
  go: (url: string) => window.location.assign(url),
};

/** Leaves the app for the provider's consent page. */
export function goToConnect(sourceId: string, returnTo: string, shop?: string) {
  browserNavigation.go(connectUrl(sourceId, returnTo, shop));
}
