import { hasRole } from '@tribu/domain';
import type { Role } from '@tribu/protocol/client';
import type { Messages } from '../../i18n/index.tsx';

/** The management area's sections; each names the least role that sees it, and its name in `t.settings.nav`. */
export const MANAGE_SECTIONS = [
  { href: '/backoffice/manage/applications', label: 'applications', role: 'moderator' },
  { href: '/backoffice/manage/newcomers', label: 'newcomers', role: 'moderator' },
  { href: '/backoffice/manage/missions', label: 'missions', role: 'moderator' },
  { href: '/backoffice/manage/recognition', label: 'recognition', role: 'moderator' },
  { href: '/backoffice/manage/digest', label: 'digest', role: 'moderator' },
  { href: '/backoffice/manage/events', label: 'events', role: 'moderator' },
  { href: '/backoffice/manage/moderation', label: 'moderation', role: 'moderator' },
  { href: '/backoffice/manage/team', label: 'team', role: 'moderator' },
  { href: '/backoffice/manage/numbers', label: 'numbers', role: 'moderator' },
  { href: '/backoffice/manage/privacy', label: 'privacy', role: 'moderator' },
  { href: '/backoffice/manage/site', label: 'site', role: 'admin' },
  { href: '/backoffice/manage/integrations', label: 'integrations', role: 'admin' },
  { href: '/backoffice/manage/audit', label: 'audit', role: 'admin' },
] as const satisfies readonly { href: string; label: keyof Messages['settings']['nav']; role: Role }[];

/** The sections a person with this role on the chosen site may open. */
export const sectionsFor = (role: Role | undefined) => MANAGE_SECTIONS.filter((s) => hasRole(role, s.role));

/** Where "Manage" leads: the first section this role may open, or null for a helper. */
export const manageHome = (role: Role | undefined) => sectionsFor(role)[0]?.href ?? null;
