import type { CharterView, ContentTranslations, MenteesView, NewcomersView, ObserveList, ObservedChat, OnboardingStatus } from '@tribu/protocol/client';
import { call } from './http.ts';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

/** Onboarding: my checklist, the charter, watching chats, and the managers' newcomers page. */
export const onboardingApi = {
  status: (siteId: string) => call<OnboardingStatus>('GET', `${site(siteId)}/onboarding`),
  dismiss: (csrf: string, siteId: string) => call<OnboardingStatus>('POST', `${site(siteId)}/onboarding/dismiss`, undefined, csrf),
  charter: (siteId: string) => call<CharterView>('GET', `${site(siteId)}/charter`),
  acceptCharter: (csrf: string, siteId: string) => call<CharterView>('POST', `${site(siteId)}/charter/accept`, undefined, csrf),
  saveCharter: (csrf: string, siteId: string, text: string, translations?: ContentTranslations<'text'>) =>
    call<CharterView>('PUT', `${site(siteId)}/charter`, { text, translations }, csrf),
  observeList: (siteId: string) => call<ObserveList>('GET', `${site(siteId)}/observe`),
  observe: (siteId: string, conversationId: string) => call<ObservedChat>('GET', `${site(siteId)}/observe/${encodeURIComponent(conversationId)}`),
  mentees: (siteId: string) => call<MenteesView>('GET', `${site(siteId)}/mentees`),
  newcomers: (siteId: string) => call<NewcomersView>('GET', `${site(siteId)}/newcomers`),
  assignMentor: (csrf: string, siteId: string, userId: string, mentorId: string | null) =>
    call<NewcomersView>('PUT', `${site(siteId)}/newcomers/${encodeURIComponent(userId)}/mentor`, { mentorId }, csrf),
  saveSettings: (csrf: string, siteId: string, observeChats: number) =>
    call<NewcomersView>('PUT', `${site(siteId)}/onboarding/settings`, { observeChats }, csrf),
};
