import type { PledgeSlot, PledgesView, ReengagementMine, ReengagementSettings, ReengagementView, SitePledgesView, ThanksWall } from '@tribu/protocol/client';
import { call } from './http.ts';

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

/** Coverage pledges: my soft weekly slots, every helper's for managers. */
export const pledgesApi = {
  mine: (siteId: string) => call<PledgesView>('GET', `${site(siteId)}/pledges`),
  save: (csrf: string, siteId: string, slots: PledgeSlot[]) => call<PledgesView>('PUT', `${site(siteId)}/pledges`, { slots }, csrf),
  all: (siteId: string) => call<SitePledgesView>('GET', `${site(siteId)}/pledges/all`),
};

/** The "we miss you" note: managers' settings and who came back; my own choice. */
export const reengagementApi = {
  view: (siteId: string, from: string, to: string) => call<ReengagementView>('GET', `${site(siteId)}/reengagement?from=${from}&to=${to}`),
  save: (csrf: string, siteId: string, body: ReengagementSettings) => call<ReengagementSettings>('PUT', `${site(siteId)}/reengagement`, body, csrf),
  mine: (siteId: string) => call<ReengagementMine>('GET', `${site(siteId)}/reengagement/mine`),
  setMine: (csrf: string, siteId: string, optedOut: boolean) => call<ReengagementMine>('PUT', `${site(siteId)}/reengagement/mine`, { optedOut }, csrf),
};

/** The thank-you wall of a member. */
export const thanksApi = {
  wall: (siteId: string, userId: string) => call<ThanksWall>('GET', `${site(siteId)}/thanks/${encodeURIComponent(userId)}`),
  hide: (csrf: string, siteId: string, cardId: string, hidden: boolean) =>
    call<ThanksWall>('POST', `${site(siteId)}/thanks/cards/${encodeURIComponent(cardId)}/hide`, { hidden }, csrf),
  remove: (csrf: string, siteId: string, cardId: string, reason: string) =>
    call<void>('POST', `${site(siteId)}/thanks/cards/${encodeURIComponent(cardId)}/remove`, { reason }, csrf),
};
