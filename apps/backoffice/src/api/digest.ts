import type { DigestDetail, DigestList, DigestSummary, DigestUpdate } from '@tribu/protocol/client';
import { call } from './http.ts';

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/digests`;

export const digestApi = {
  list: (siteId: string) => call<DigestList>('GET', base(siteId)),
  draftNow: (csrf: string, siteId: string) => call<DigestDetail>('POST', base(siteId), undefined, csrf),
  detail: (siteId: string, id: string) => call<DigestDetail>('GET', `${base(siteId)}/${encodeURIComponent(id)}`),
  update: (csrf: string, siteId: string, id: string, body: DigestUpdate) =>
    call<DigestDetail>('PATCH', `${base(siteId)}/${encodeURIComponent(id)}`, body, csrf),
  test: (csrf: string, siteId: string, id: string) => call<{ sentTo: string }>('POST', `${base(siteId)}/${encodeURIComponent(id)}/test`, undefined, csrf),
  send: (csrf: string, siteId: string, id: string) => call<DigestSummary>('POST', `${base(siteId)}/${encodeURIComponent(id)}/send`, undefined, csrf),
  /** The public unsubscribe page: the token from the mail's link. */
  unsubscribe: (token: string) => call<{ unsubscribed: true }>('POST', '/api/digest/unsubscribe', { token }),
};
