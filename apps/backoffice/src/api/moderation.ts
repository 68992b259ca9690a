import type { AuditPage, BanCreate, BanView, ReportCreate, ReportFeedAction, ReportList, ReportView, TeamMember } from '@tribu/protocol/client';
import { call } from './http.ts';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;
const id = (x: string) => encodeURIComponent(x);

/** Moderation: reports, bans, blocked words, the team and the audit log. */
export const moderationApi = {
  report: (csrf: string, body: ReportCreate) => call<{ report: ReportView }>('POST', '/api/reports', body, csrf),
  reports: (siteId: string) => call<ReportList>('GET', `${site(siteId)}/reports`),
  openCount: (siteId: string) => call<{ open: number }>('GET', `${site(siteId)}/reports/count`),
  decide: (csrf: string, siteId: string, reportId: string, status: 'resolved' | 'dismissed') =>
    call<void>('POST', `${site(siteId)}/reports/${id(reportId)}/decide`, { status }, csrf),
  feedAction: (csrf: string, siteId: string, reportId: string, body: ReportFeedAction) =>
    call<void>('POST', `${site(siteId)}/reports/${id(reportId)}/feed`, body, csrf),
  endChat: (csrf: string, siteId: string, conversationId: string) =>
    call<void>('POST', `${site(siteId)}/conversations/${id(conversationId)}/end`, undefined, csrf),
  bans: (siteId: string) => call<{ bans: BanView[] }>('GET', `${site(siteId)}/bans`),
  ban: (csrf: string, siteId: string, body: BanCreate) => call<{ ban: BanView }>('POST', `${site(siteId)}/bans`, body, csrf),
  lift: (csrf: string, siteId: string, banId: string) => call<{ ban: BanView }>('POST', `${site(siteId)}/bans/${id(banId)}/lift`, undefined, csrf),
  words: (siteId: string) => call<{ words: string[] }>('GET', `${site(siteId)}/blocked-words`),
  saveWords: (csrf: string, siteId: string, words: string[]) => call<{ words: string[] }>('PUT', `${site(siteId)}/blocked-words`, { words }, csrf),
  team: (siteId: string) => call<{ members: TeamMember[] }>('GET', `${site(siteId)}/team`),
  suspend: (csrf: string, siteId: string, userId: string, reason: string) => call<void>('POST', `${site(siteId)}/team/${id(userId)}/suspend`, { reason }, csrf),
  reinstate: (csrf: string, siteId: string, userId: string) => call<void>('POST', `${site(siteId)}/team/${id(userId)}/reinstate`, undefined, csrf),
  remove: (csrf: string, siteId: string, userId: string, reason: string) =>
    call<void>('POST', `${site(siteId)}/team/${id(userId)}/remove`, { confirm: true, reason }, csrf),
  audit: (siteId: string, q: { action?: string; before?: string } = {}) => {
    const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
    return call<AuditPage>('GET', `${site(siteId)}/audit${params.size ? `?${params}` : ''}`);
  },
  auditCsvUrl: (siteId: string, action?: string) => `${site(siteId)}/audit.csv${action ? `?action=${encodeURIComponent(action)}` : ''}`,
};
