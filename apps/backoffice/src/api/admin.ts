import type {
  OperatorSite,
  OperatorSiteCreated,
  Role,
  SiteCreate,
  SiteMember,
  SiteMemberList,
  SiteSettingsPatch,
  SiteSettingsView,
} from '@tribu/protocol/client';
import { call } from './http.ts';

/** What an invitation returns: the link to copy when it was not mailed. */
export type InvitationSent = OperatorSiteCreated['invitation'];

const site = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

/** Site administration (admins) and the operator's sites. */
export const adminApi = {
  settings: (siteId: string) => call<SiteSettingsView>('GET', `${site(siteId)}/settings`),
  saveSettings: (csrf: string, siteId: string, patch: SiteSettingsPatch) => call<SiteSettingsView>('PATCH', `${site(siteId)}/settings`, patch, csrf),
  roles: (siteId: string) => call<SiteMemberList>('GET', `${site(siteId)}/roles`),
  changeRole: (csrf: string, siteId: string, userId: string, role: Role) =>
    call<SiteMember>('PATCH', `${site(siteId)}/roles/${encodeURIComponent(userId)}`, { role }, csrf),
  /** The recruitment module's invitation route: admins may invite managers and admins. */
  invite: (csrf: string, siteId: string, body: { email: string; name: string; role: Role }) =>
    call<InvitationSent>('POST', `${site(siteId)}/invitations`, body, csrf),
  operatorSites: () => call<{ sites: OperatorSite[] }>('GET', '/api/operator/sites'),
  createSite: (csrf: string, body: SiteCreate) => call<OperatorSiteCreated>('POST', '/api/operator/sites', body, csrf),
};
