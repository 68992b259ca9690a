import { hasRole } from '@tribu/domain';
import type { Role } from '@tribu/protocol/client';

/** The management area's sections; each names the least role that sees it. */
export const MANAGE_SECTIONS = [
  { href: '/backoffice/manage/applications', label: 'Applications', role: 'moderator' },
  { href: '/backoffice/manage/newcomers', label: 'Newcomers', role: 'moderator' },
  { href: '/backoffice/manage/missions', label: 'Missions', role: 'moderator' },
  { href: '/backoffice/manage/recognition', label: 'Recognition settings', role: 'moderator' },
  { href: '/backoffice/manage/digest', label: 'Digest', role: 'moderator' },
  { href: '/backoffice/manage/events', label: 'Events', role: 'moderator' },
  { href: '/backoffice/manage/moderation', label: 'Moderation', role: 'moderator' },
  { href: '/backoffice/manage/team', label: 'Team', role: 'moderator' },
  { href: '/backoffice/manage/numbers', label: 'Numbers', role: 'moderator' },
  { href: '/backoffice/manage/privacy', label: 'Privacy', role: 'moderator' },
  { href: '/backoffice/manage/site', label: 'Site settings', role: 'admin' },
  { href: '/backoffice/manage/integrations', label: 'Integrations', role: 'admin' },
  { href: '/backoffice/manage/audit', label: 'Audit log', role: 'admin' },
] as const satisfies readonly { href: string; label: string; role: Role }[];

/** The sections a person with this role on the chosen site may open. */
export const sectionsFor = (role: Role | undefined) => MANAGE_SECTIONS.filter((s) => hasRole(role, s.role));

/** Where "Manage" leads: the first section this role may open, or null for a helper. */
export const manageHome = (role: Role | undefined) => sectionsFor(role)[0]?.href ?? null;
