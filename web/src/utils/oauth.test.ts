import { describe, expect, it } from 'vitest';
import type { OAuthDatasource } from '../types/oauth';
import {
  connectUrl,
  describeReturn,
  failureSentence,
  localPath,
  normalizeShop,
  OAUTH_FAILURES,
  readOAuthReturn,
  withoutOAuthParams,
} from './oauth';

const google = {
  id: 'google_workspace',
  name: 'Google Workspace',
  identity: 'alice@acme.test',
  oauth: { provider: 'google', provider_name: 'Google', ready: true, needs_shop: false },
} as OAuthDatasource;

describe('OAuth failure sentences', () => {
  it('words every reason the server sends differently, naming the provider', () => {
    const sentences = OAUTH_FAILURES.filter((r) => r !== 'bad_shop').map((r) => failureSentence(r, 'Google'));
    expect(new Set(sentences).size).toBe(sentences.length);
    for (const s of sentences) expect(s).toContain('Google');
    expect(failureSentence('denied', 'Google')).toBe('You declined at Google, so nothing was connected.');
    expect(failureSentence('not_configured', 'Slack')).toMatch(/admin has to set up its OAuth app/);
    expect(failureSentence('bad_shop', 'Shopify')).toMatch(/your-shop\.myshopify\.com/);
  });

  it("adds the provider's own error code only when it looks like one", () => {
    expect(failureSentence('provider', 'GitHub', 'bad_verification_code')).toContain('(GitHub said: bad_verification_code)');
    expect(failureSentence('provider', 'GitHub', '<img src=x onerror=alert(1)>')).not.toContain('<img');
    expect(failureSentence('provider', 'GitHub', 'a'.repeat(65))).not.toContain('said');
  });

  it('has a general sentence for a reason it does not know', () => {
    expect(failureSentence('made_up', 'Google')).toBe('Connecting Google did not work. Nothing was connected; try again.');
    expect(failureSentence(null, 'Google')).toMatch(/^Connecting Google did not work/);
  });
});

describe('the return from the provider', () => {
  it('reads only the callback parameters and never shows anything else from the address', () => {
    const search = '?oauth=error&source=google_workspace&reason=denied&message=Your+account+was+hacked%2C+call+555';
    const ret = readOAuthReturn(search);
    expect(ret).toEqual({ status: 'error', source: 'google_workspace', reason: 'denied', code: null });
    const shown = describeReturn(ret!, [google]);
    expect(shown).toBe('You declined at Google, so nothing was connected.');
    expect(shown).not.toMatch(/hacked|555/);
  });

  it('does not echo an unknown source id or a reason it does not know', () => {
    const ret = readOAuthReturn('?oauth=error&source=Click+here+to+reset+your+password&reason=<script>&code=x y')!;
    expect(ret.code).toBeNull();
    expect(describeReturn(ret, [google])).toBe('Connecting the source did not work. Nothing was connected; try again.');
  });

  it('says whom a new connection acts as, from the sources list', () => {
    const ret = readOAuthReturn('?oauth=connected&source=google_workspace')!;
    expect(describeReturn(ret, [google])).toBe('Connected Google as alice@acme.test.');
    expect(describeReturn(ret, [{ ...google, identity: null }])).toBe('Connected Google.');
  });

  it('ignores pages without a result and removes only the callback parameters', () => {
    expect(readOAuthReturn('?oauth=maybe&source=x')).toBeNull();
    expect(readOAuthReturn('')).toBeNull();
    expect(withoutOAuthParams('?oauth=connected&source=slack&reason=x&code=y')).toBe('');
    expect(withoutOAuthParams('?tab=1&oauth=connected&source=slack')).toBe('?tab=1');
  });
});

describe('starting a connection', () => {
  it('goes to the start endpoint with a local return path and the shop', () => {
    expect(connectUrl('google_workspace', '/chat/all/s1')).toBe('/api/oauth/google_workspace/start?return_to=%2Fchat%2Fall%2Fs1');
    expect(connectUrl('shopify', '/', 'acme.myshopify.com')).toBe('/api/oauth/shopify/start?return_to=%2F&shop=acme.myshopify.com');
    expect(localPath('//evil.example/x')).toBe('/');
    expect(localPath('/\\evil.example')).toBe('/');
    expect(localPath('https://evil.example')).toBe('/');
  });

  it('accepts a shop as a name, a host or a URL, and nothing but *.myshopify.com', () => {
    expect(normalizeShop('acme')).toBe('acme.myshopify.com');
    expect(normalizeShop(' Acme-Store.myshopify.com ')).toBe('acme-store.myshopify.com');
    expect(normalizeShop('https://acme.myshopify.com/admin')).toBe('acme.myshopify.com');
    expect(normalizeShop('acme.example.com')).toBeNull();
    expect(normalizeShop('-acme')).toBeNull();
    expect(normalizeShop('')).toBeNull();
  });
});
