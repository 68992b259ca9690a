import type { PrivacyLookupResult, PrivacyOptions, PrivacyVisitorSummary } from '@tribu/protocol/client';
import { call } from './http.ts';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/privacy`;
const id = (x: string) => encodeURIComponent(x);

/** Manage → Privacy: find a visitor by the email they left or a conversation id, export, erase (admins). */
export const privacyApi = {
  options: (siteId: string) => call<PrivacyOptions>('GET', `${site(siteId)}/options`),
  find: (siteId: string, by: { email: string } | { conversationId: string }) =>
    call<PrivacyLookupResult>('GET', `${site(siteId)}/visitors?${new URLSearchParams(by).toString()}`),
  /** A plain link downloads it (the server sends it as an attachment and writes the audit line). */
  exportUrl: (siteId: string, visitorId: string) => `${site(siteId)}/visitors/${id(visitorId)}/export`,
  erase: (csrf: string, siteId: string, visitorId: string, reason: string) =>
    call<{ visitor: PrivacyVisitorSummary }>('POST', `${site(siteId)}/visitors/${id(visitorId)}/erase`, { reason }, csrf),
};
