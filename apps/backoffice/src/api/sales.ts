import type { ApiKeyCreated, ApiKeyScope, ApiKeyView, MyImpact, ReferralCodeView } from '@tribu/protocol/client';
import { call } from './http.ts';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

/** The site's API keys (admins): list, create (the key comes back once), revoke. */
export const salesApi = {
  apiKeys: (siteId: string) => call<{ keys: ApiKeyView[] }>('GET', `${site(siteId)}/api-keys`),
  createApiKey: (csrf: string, siteId: string, body: { name: string; scopes: ApiKeyScope[] }) =>
    call<ApiKeyCreated>('POST', `${site(siteId)}/api-keys`, body, csrf),
  revokeApiKey: (csrf: string, siteId: string, keyId: string) => call<void>('DELETE', `${site(siteId)}/api-keys/${encodeURIComponent(keyId)}`, undefined, csrf),
};

/** Referral codes: a member asks for theirs; the site's managers approve or revoke them. */
export const referralApi = {
  mine: (siteId: string) => call<{ codes: ReferralCodeView[] }>('GET', `${site(siteId)}/referral-codes/mine`),
  ask: (csrf: string, siteId: string, code: string) => call<ReferralCodeView>('POST', `${site(siteId)}/referral-codes`, { code }, csrf),
  all: (siteId: string) => call<{ codes: ReferralCodeView[] }>('GET', `${site(siteId)}/referral-codes`),
  decide: (csrf: string, siteId: string, codeId: string, action: 'approve' | 'revoke') =>
    call<ReferralCodeView>('POST', `${site(siteId)}/referral-codes/${encodeURIComponent(codeId)}/${action}`, undefined, csrf),
};

/** A member's own impact on a site: visitors they helped who bought (thanks, never points). */
export const impactApi = {
  mine: (siteId: string) => call<MyImpact>('GET', `${site(siteId)}/impact/mine`),
};
