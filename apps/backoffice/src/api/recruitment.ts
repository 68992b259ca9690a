import type { ApplicationList, ApplicationSubmit, InvitationAccept, InvitationPreview, InvitationSent, JoinPage, Me } from '@tribu/protocol/client';
import { call } from './http.ts';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;
const app = (siteId: string, id: string) => `${site(siteId)}/applications/${encodeURIComponent(id)}`;

/** Recruitment: the public application, managers' review, and invitations. */
export const recruitmentApi = {
  joinPage: (siteKey: string) => call<JoinPage>('GET', `/api/join/${encodeURIComponent(siteKey)}`),
  apply: (siteKey: string, body: ApplicationSubmit) => call<void>('POST', `/api/join/${encodeURIComponent(siteKey)}`, body),
  list: (siteId: string) => call<ApplicationList>('GET', `${site(siteId)}/applications`),
  shortlist: (csrf: string, siteId: string, id: string) => call<void>('POST', `${app(siteId, id)}/shortlist`, undefined, csrf),
  accept: (csrf: string, siteId: string, id: string) => call<InvitationSent>('POST', `${app(siteId, id)}/accept`, undefined, csrf),
  reinvite: (csrf: string, siteId: string, id: string) => call<InvitationSent>('POST', `${app(siteId, id)}/reinvite`, undefined, csrf),
  reject: (csrf: string, siteId: string, id: string, message: string) => call<{ emailed: boolean }>('POST', `${app(siteId, id)}/reject`, { message }, csrf),
  questions: (siteId: string) => call<{ questions: string[] }>('GET', `${site(siteId)}/application-questions`),
  saveQuestions: (csrf: string, siteId: string, questions: string[]) =>
    call<{ questions: string[] }>('PUT', `${site(siteId)}/application-questions`, { questions }, csrf),
  preview: (token: string) => call<InvitationPreview>('POST', '/api/invitations/preview', { token }),
  acceptInvitation: (body: InvitationAccept) => call<Me>('POST', '/api/invitations/accept', body),
};

/** Language names in their own language, for the application's choices and the managers' cards. */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  de: 'Deutsch',
  it: 'Italiano',
  nl: 'Nederlands',
  pt: 'Português',
};
