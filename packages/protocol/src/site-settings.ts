// Site administration: limits and checks shared by the server's schemas and the backoffice form
// (zod-free, so the backoffice can check a field as it is typed with the very rules the server applies).
import type { Locale } from './constants.ts';
import type { DigestFrequency } from './digest.ts';
import type { Role } from './schemas.ts';

/** Caps of the site settings form; the server refuses anything beyond them. */
export const SITE_LIMITS = {
  name: 80,
  origins: 20,
  origin: 200,
  /** Most helpers required online before the live chat shows. */
  minHelpers: 20,
  chatCap: 10,
  releaseAfterSecMin: 30,
  releaseAfterSecMax: 1800,
  retentionDaysMax: 3650,
  /** Sales: days before a purchase an answered chat still assists it. */
  attributionDaysMax: 90,
  timeZone: 64,
  /** Pixels the widget's launcher keeps above the bottom edge of the page, at most. */
  launcherOffsetMax: 300,
  /** A site key: lowercase letters, digits and dashes. */
  keyMin: 2,
  keyMax: 40,
} as const;

/** The widget's wording a site may change, each with its cap in characters. */
export const WIDGET_TEXT_LIMITS = {
  launcher: 40,
  title: 60,
  disclosure: 300,
  placeholder: 80,
  open: 80,
  online: 60,
  replies: 60,
  offline: 60,
  privacy: 1000,
} as const;
export type WidgetTextKey = keyof typeof WIDGET_TEXT_LIMITS;
export type WidgetTexts = Record<WidgetTextKey, string>;

/**
 * Why a line of the allowed origins is not one, in words a merchant understands; null when it is
 * fine. An origin is a scheme and a host (and a port): `https://shop.example`. `self` is Tribu itself.
 */
export function originProblem(line: string): string | null {
  const v = line.trim();
  if (v === 'self') return null;
  if (!v) return 'Empty line';
  if (v.includes('*')) return `"${v}": wildcards are not allowed; list each address on its own line`;
  if (!/^https?:\/\//i.test(v)) return `"${v}" must start with https:// (or http:// for a local test shop)`;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `"${v}" is not a web address`;
  }
  if (url.username || url.password) return `"${v}" must not contain a user name or password`;
  if (url.pathname !== '/' || url.search || url.hash) return `"${v}" has a path: write only the address, like ${url.origin}`;
  if (v.replace(/\/$/, '') !== url.origin) return `write "${v}" as ${url.origin}`;
  return null;
}

/** An origin line as stored: trimmed, without a trailing slash. */
export const normalizeOrigin = (line: string) => {
  const v = line.trim();
  return v === 'self' ? v : v.replace(/\/$/, '');
};

/** Whether a time zone name is one the runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0 && name.length <= SITE_LIMITS.timeZone;
  } catch {
    return false;
  }
}

/** How the widget asks for one detail before the first message: not at all, optionally, or as a must. */
export const PRECHAT_FIELD_MODES = ['off', 'optional', 'required'] as const;
export type PrechatMode = (typeof PRECHAT_FIELD_MODES)[number];
/** The questions before the chat: the visitor's name and email, and acceptance of the privacy notice. */
export interface SitePrechat {
  name: PrechatMode;
  email: PrechatMode;
  consent: boolean;
}

/** A site as its admins edit it (GET /api/sites/:siteId/settings). */
export interface SiteSettingsView {
  site: { id: string; key: string; name: string };
  settings: {
    name: string;
    timeZone: string;
    allowedOrigins: string[];
    locales: Locale[];
    defaultLocale: Locale;
    /** Only what the site changed; the rest is Tribu's wording (`defaultTexts`). */
    texts: Partial<Record<Locale, Partial<WidgetTexts>>>;
    color: string;
    position: 'left' | 'right';
    themeMode: 'light' | 'dark' | 'auto';
    /** Least distance in pixels between the launcher and the bottom of the page (default 20). */
    launcherOffset: number;
    minHelpers: number;
    chatCap: number;
    releaseAfterSec: number;
    offlineMode: 'ask' | 'hide';
    /** Days closed conversations are kept; null = for ever. */
    retentionDays: number | null;
    /** Keep a keyed hash of the address each chat starts from (bans by address); false = never kept. */
    storeAddresses: boolean;
    /** Days before a purchase an answered chat of the same visitor still assists it. */
    attributionDays: number;
    /** Helpers see the amounts of the purchases they assisted; off by default (thanks, not commission). */
    showSalesAmountsToHelpers: boolean;
    /** Seconds a request waits unclaimed before helpers who opted in are called on their devices (default 60). */
    pushAfterSec: number;
    /** Hours between two "visitors are waiting" emails to one helper (default 4). */
    waitingEmailHours: number;
    /** Managers and admins must use two-step sign-in (TOTP) to act as such on this site. */
    twoFactorForManagers: boolean;
    /** How often Tribu drafts the helpers' digest for the managers to edit and send. */
    digestFrequency: DigestFrequency;
    /** What the widget asks before a visitor's first message; all off by default. */
    prechat: SitePrechat;
  };
  /** Tribu's wording per language, shown as placeholders and used where the site says nothing. */
  defaultTexts: Record<Locale, WidgetTexts>;
  /** The tag to paste on the merchant's pages. */
  embed: string;
}

/** A member of a site as its admins see them: never a password, session or token. */
export interface SiteMember {
  userId: string;
  displayName: string;
  email: string;
  avatarUrl: string | null;
  role: Role;
  status: 'active' | 'suspended';
  joinedAt: string;
}

/** GET /api/sites/:siteId/members */
export interface SiteMemberList {
  members: SiteMember[];
  /** Whether invitations go by mail (else the admin copies the link). */
  mailConfigured: boolean;
}

/** A site as the operator lists it. */
export interface OperatorSite {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  members: number;
  admins: number;
  /** Conversations started since the first of this month (UTC). */
  chatsThisMonth: number;
  createdAt: string;
  embed: string;
}

/** POST /api/operator/sites: the site made, and the first admin's invitation. */
export interface OperatorSiteCreated {
  site: OperatorSite;
  invitation: { link: string; emailed: boolean; expiresAt: string; email: string };
}
