import type { PrivacyLookupResult, PrivacyOptions, PrivacyVisitorSummary, VisitorDataExport } from '@tribu/protocol/client';
import { call } from './http.ts';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/privacy`;
const id = (x: string) => encodeURIComponent(x);

/** Manage → Privacy: find a visitor by the email they left or a conversation id, export, erase (admins). */
export const privacyApi = {
  options: (siteId: string) => call<PrivacyOptions>('GET', `${site(siteId)}/options`),
  find: (siteId: string, by: { email: string } | { conversationId: string }) =>
    call<PrivacyLookupResult>('GET', `${site(siteId)}/visitors?${new URLSearchParams(by).toString()}`),
  /** A POST with the CSRF token (it writes an audit line); the page saves the answer as a file. */
  exportData: (csrf: string, siteId: string, visitorId: string) =>
    call<VisitorDataExport>('POST', `${site(siteId)}/visitors/${id(visitorId)}/export`, undefined, csrf),
  erase: (csrf: string, siteId: string, visitorId: string, reason: string) =>
    call<{ visitor: PrivacyVisitorSummary }>('POST', `${site(siteId)}/visitors/${id(visitorId)}/erase`, { reason }, csrf),
};
