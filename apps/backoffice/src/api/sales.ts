import type { ApiKeyCreated, ApiKeyScope, ApiKeyView } from '@tribu/protocol/client';
import { call } from './http.ts';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

/** The site's API keys (admins): list, create (the key comes back once), revoke. */
export const salesApi = {
  apiKeys: (siteId: string) => call<{ keys: ApiKeyView[] }>('GET', `${site(siteId)}/api-keys`),
  createApiKey: (csrf: string, siteId: string, body: { name: string; scopes: ApiKeyScope[] }) =>
    call<ApiKeyCreated>('POST', `${site(siteId)}/api-keys`, body, csrf),
  revokeApiKey: (csrf: string, siteId: string, keyId: string) => call<void>('DELETE', `${site(siteId)}/api-keys/${encodeURIComponent(keyId)}`, undefined, csrf),
};
